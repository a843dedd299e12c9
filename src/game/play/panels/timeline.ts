/** The round timeline: every round with its venue and date, what came of it, and where the game stands. */
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import { el } from '../../ui/dom.ts';

export function timeline(scenario: Scenario, game: GameState): HTMLElement {
  return el(
    'ol',
    { class: 'timeline', attrs: { 'aria-label': 'Rounds' } },
    ...scenario.rounds.map((round, index) => {
      const record = game.rounds[index];
      const agreed = record ? Object.keys(record.agreed).length : 0;
      const state = index < game.round || (index === game.round && game.outcome) ? 'done' : index === game.round ? 'current' : 'upcoming';
      const result =
        state === 'done'
          ? agreed > 0
            ? `✓ ${agreed} agreed`
            : record?.response?.kind === 'walkout'
              ? '⨯ walk-out'
              : '– no deal'
          : state === 'current'
            ? '● now'
            : '';
      return el(
        'li',
        { class: `round ${state}`, attrs: { 'aria-current': state === 'current' ? 'step' : undefined } },
        el(
          'span',
          { class: 'round-head' },
          el('strong', { text: `R${index + 1}` }),
          ` ${round.date}`,
          result ? el('span', { class: 'round-result', text: ` · ${result}` }) : null,
        ),
        el('span', { class: 'round-venue', text: round.venue }),
      );
    }),
  );
}
