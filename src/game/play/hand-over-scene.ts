/**
 * The hand-over between two players at one screen: before each side's turn at the table, the
 * screen asks for the other player to look away and the acting player to take the seat, so that
 * neither sees the other's choices (or, where the scenario keeps them private, red lines).
 */
import { button, el } from '../ui/dom.ts';
import { tableTurn } from '../view/screens.ts';
import { tableStage } from '../view/table-view.ts';
import { gameHeader } from './panels/game-header.ts';
import { timeline } from './panels/timeline.ts';
import { PlayScene } from './play-scene.ts';
import type { PlayContext } from './play-context.ts';

/** What the acting side is about to do, for "look away until … has …". */
const DONE = { proposal: 'tabled its package', response: 'answered', counter: 'replied to the counter-proposal' } as const;

export class HandOverScene extends PlayScene {
  constructor(play: PlayContext) {
    super('hand-over', play);
  }

  create(): void {
    const scenario = this.scenario;
    const game = this.gameState;
    const turn = tableTurn(this.snapshot);
    const stage = tableStage(this.snapshot);
    if (!turn || !stage) {
      this.follow();
      return;
    }
    const acting = scenario.sides.find((side) => side.id === turn.side)!;
    const waiting = scenario.sides.find((side) => side.id !== turn.side)!;
    // "Dan (Russia)" when the players gave their names at setup, "Russia" when not.
    const players = this.play.controller?.players ?? {};
    const who = (side: { id: string; shortName: string }) =>
      players[side.id] ? `${players[side.id]} (${side.shortName})` : side.shortName;
    const take = () => {
      this.click();
      this.play.handOver();
      this.follow();
    };
    this.mount(
      el(
        'div',
        { class: 'screen hand-over-screen' },
        gameHeader(this, scenario, game, `Round ${game.round + 1}: ${acting.shortName}’s turn`),
        el(
          'section',
          { class: 'hand-over', attrs: { style: `--side: ${acting.colour}`, 'aria-labelledby': 'hand-over-heading' } },
          el('h2', { id: 'hand-over-heading', text: `Pass the screen to ${who(acting)}` }),
          el('p', {
            text: `${who(waiting)}: please look away until ${acting.shortName} has ${DONE[stage]}. What each side chooses stays private until it is on the table.`,
          }),
          el('div', { class: 'actions' }, button(`I play ${acting.shortName} — show the table`, take, { key: 'Enter', class: 'primary' })),
        ),
        el('footer', { class: 'screen-footer' }, timeline(scenario, game)),
      ),
      `${acting.shortName}’s turn. Pass the screen to ${who(acting)}; ${who(waiting)} looks away.`,
    );
    this.app.ui.querySelector<HTMLButtonElement>('.hand-over button')?.focus();
    this.keys({ Enter: take });
  }
}
