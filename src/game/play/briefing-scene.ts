/**
 * The briefing as each round opens: where and when the talks meet, what happened outside the
 * room, and — before the first round — the side's brief, objectives and the red lines the player
 * may see (both sides', unless the scenario keeps them private).
 */
import { glossaryOf } from '../../engine/glossary.ts';
import { button, el } from '../ui/dom.ts';
import { termText } from '../ui/term-text.ts';
import { bandName } from '../view/risk-view.ts';
import { redLinesShown } from '../view/table-view.ts';
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
    const record = game.rounds[game.round]!;
    const player = scenario.sides.find((side) => side.id === game.setup.playerSide)!;
    const hotseat = game.setup.opponent.kind === 'hotseat';
    const events = record.events.map((id) => scenario.events.find((event) => event.id === id)!);
    const map = new MapPanel(this, scenario, game, this.app.settings.current.reducedMotion);
    // Terms of art lead to the glossary, which comes back to this briefing.
    const glossary = glossaryOf(scenario);
    const openTerm = (id: string) => {
      this.click();
      this.scene.start('glossary', { term: id, back: 'briefing' });
    };
    const linked = (text: string, seen?: Set<string>) => termText(text, glossary, openTerm, seen);

    const sideBriefs = (hotseat ? scenario.sides : [player]).map((side) => {
      const inObjectives = new Set<string>(); // a term is linked once in the whole list
      return el(
        'section',
        { class: 'side-brief', attrs: { style: `--side: ${side.colour}` } },
        el('h2', { text: `${side.name} — negotiator: ${side.negotiator}` }),
        el('p', {}, ...linked(side.briefing)),
        el('h3', { text: 'Objectives' }),
        el('ul', {}, ...side.objectives.map((objective) => el('li', {}, ...linked(objective, inObjectives)))),
      );
    });
    // Private red lines: against the AI the player sees their own; at a shared screen, nobody's (each sees theirs at the table).
    const shown = hotseat && scenario.privateRedLines ? [] : redLinesShown(scenario, player.id);
    const columns = scenario.sides.filter((side) => shown.includes(side.id));
    const privacy = scenario.privateRedLines
      ? el('p', {
          class: 'note',
          text: hotseat
            ? 'In this scenario each side’s red lines are private: each player sees their own at the table, after the hand-over.'
            : 'In this scenario the other side’s red lines are private: you learn them from what it says and does; the replay shows them once the game is over.',
        })
      : null;
    const redLines = el(
      'section',
      { class: 'red-lines' },
      el('h2', { text: 'Red lines' }),
      privacy,
      columns.length === 0
        ? null
        : el(
            'table',
            {},
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { text: 'Track', attrs: { scope: 'col' } }),
                ...columns.map((side) => el('th', { text: `⊘ ${side.shortName} will not accept`, attrs: { scope: 'col' } })),
              ),
            ),
            el(
              'tbody',
              {},
              ...scenario.tracks.map((track) =>
                el(
                  'tr',
                  {},
                  el('th', { text: track.name, attrs: { scope: 'row' } }),
                  ...columns.map((side) => {
                    const lines = track.redLines[side.id] ?? [];
                    return el('td', {
                      text: lines.length
                        ? lines.map((id) => track.positions.find((position) => position.id === id)?.label ?? id).join('; ')
                        : 'none',
                    });
                  }),
                ),
              ),
            ),
          ),
    );
    const begin = () => {
      this.click();
      this.send({ type: 'CONTINUE' });
    };
    const proposer = scenario.sides.find((side) => side.id === record.proposer)!;
    this.mount(
      el(
        'div',
        { class: 'screen briefing-screen' },
        gameHeader(this, scenario, game, `Round ${game.round + 1} of ${scenario.rounds.length}: ${round.title}`),
        el(
          'div',
          { class: 'briefing-grid' },
          el('div', { class: 'briefing-map' }, map.element),
          el(
            'article',
            { class: 'briefing-text scroll' },
            el('p', { class: 'meta', text: `${round.venue} · ${round.date} · ${proposer.name} tables the package this round` }),
            el('p', { class: 'lead' }, ...linked(round.briefing)),
            events.length > 0
              ? el(
                  'section',
                  { class: 'events' },
                  el('h2', { text: 'Outside the room' }),
                  ...events.map((event) => {
                    const quote = event.quote ? scenario.quotes.find((item) => item.id === event.quote) : undefined;
                    return el(
                      'div',
                      { class: 'event' },
                      el('h3', { text: `${event.name}${event.date ? ` — ${event.date}` : ''}` }),
                      el('p', {}, ...linked(event.text)),
                      quote ? el('blockquote', { text: `“${quote.text}” — ${quote.speaker}, ${quote.date}` }) : null,
                    );
                  }),
                )
              : null,
            el('p', { class: 'risk-line', text: `Risk of war: ${game.risk.toFixed(1)} — ${bandName(scenario, game.risk)}.` }),
            ...(game.round === 0 ? [...sideBriefs, redLines] : []),
            game.outcome ? el('p', { class: 'alert', attrs: { role: 'alert' }, text: game.outcome.reason }) : null,
            el(
              'div',
              { class: 'actions' },
              button(game.outcome ? 'See how it ended' : 'Go to the table', begin, { key: 'Enter', class: 'primary' }),
            ),
          ),
        ),
        el('footer', { class: 'screen-footer' }, timeline(scenario, game)),
      ),
    );
    this.followLayout([map.slot], () => map.layout(this.rectOf(map.slot)));
    this.onTeardown(() => map.destroy());
    this.keys({ Enter: begin });
    this.onTeardown(showFirstGameGuide(this, this.play));
  }
}
