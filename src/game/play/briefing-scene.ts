/**
 * The briefing as each round opens: where and when the talks meet, what happened outside the
 * room, and — before the first round — the side's brief, objectives and the red lines the player
 * may see (both sides', unless the scenario keeps them private).
 */
import { glossaryOf } from '../../engine/glossary.ts';
import { button, el } from '../ui/dom.ts';
import { termText } from '../ui/term-text.ts';
import { bandName } from '../view/risk-view.ts';
import { outsideTheRoom, redLinesSection, sideBrief, type Linked } from './panels/briefing-sections.ts';
import { gameHeader } from './panels/game-header.ts';
import { MapPanel } from './panels/map-panel.ts';
import { timeline } from './panels/timeline.ts';
import { PlayScene } from './play-scene.ts';
import type { PlayContext } from './play-context.ts';
import { showFirstGameGuide } from './guide/first-game-guide.ts';

export class BriefingScene extends PlayScene {
  constructor(play: PlayContext) {
    super('briefing', play);
  }

  create(): void {
    const scenario = this.scenario;
    const game = this.gameState;
    const round = scenario.rounds[game.round]!;
    const map = new MapPanel(this, scenario, game, this.app.settings.current.reducedMotion);
    const begin = () => {
      this.click();
      this.send({ type: 'CONTINUE' });
    };
    this.mount(
      el(
        'div',
        { class: 'screen briefing-screen' },
        gameHeader(this, scenario, game, `Round ${game.round + 1} of ${scenario.rounds.length}: ${round.title}`),
        el('div', { class: 'briefing-grid' }, el('div', { class: 'briefing-map' }, map.element), this.briefingText(begin)),
        el('footer', { class: 'screen-footer' }, timeline(scenario, game)),
      ),
    );
    this.followLayout([map.slot], () => map.layout(this.rectOf(map.slot)));
    this.onTeardown(() => map.destroy());
    this.keys({ Enter: begin });
    this.onTeardown(showFirstGameGuide(this, this.play));
  }

  /** Terms of art lead to the glossary, which comes back to this briefing. */
  private linked(): Linked {
    const glossary = glossaryOf(this.scenario);
    const openTerm = (id: string) => {
      this.click();
      this.scene.start('glossary', { term: id, back: 'briefing' });
    };
    return (text, seen) => termText(text, glossary, openTerm, seen);
  }

  /** The text beside the map: where and when, the round's events, the risk, the first round's briefs, and the way to the table. */
  private briefingText(begin: () => void): HTMLElement {
    const scenario = this.scenario;
    const game = this.gameState;
    const round = scenario.rounds[game.round]!;
    const record = game.rounds[game.round]!;
    const player = scenario.sides.find((side) => side.id === game.setup.playerSide)!;
    const briefed = game.setup.opponent.kind === 'hotseat' ? scenario.sides : [player];
    const events = record.events.map((id) => scenario.events.find((event) => event.id === id)!);
    const proposer = scenario.sides.find((side) => side.id === record.proposer)!;
    const linked = this.linked();
    return el(
      'article',
      { class: 'briefing-text scroll' },
      el('p', { class: 'meta', text: `${round.venue} · ${round.date} · ${proposer.name} tables the package this round` }),
      el('p', { class: 'lead' }, ...linked(round.briefing)),
      outsideTheRoom(scenario, events, linked),
      el('p', { class: 'risk-line', text: `Risk of war: ${game.risk.toFixed(1)} — ${bandName(scenario, game.risk)}.` }),
      ...(game.round === 0 ? [...briefed.map((side) => sideBrief(side, linked)), redLinesSection(scenario, game)] : []),
      game.outcome ? el('p', { class: 'alert', attrs: { role: 'alert' }, text: game.outcome.reason }) : null,
      el(
        'div',
        { class: 'actions' },
        button(game.outcome ? 'See how it ended' : 'Go to the table', begin, { key: 'Enter', class: 'primary' }),
      ),
    );
  }
}
