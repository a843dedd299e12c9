/** Both sides' meters as labelled bars with their numbers: leverage, standing, credibility, cohesion, forces. */
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import { el } from '../../ui/dom.ts';

const METERS = [
  ['leverage', 'Leverage'],
  ['standing', 'Standing at home'],
  ['credibility', 'Credibility'],
  ['cohesion', 'Alliance cohesion'],
] as const;

export function metersPanel(scenario: Scenario, game: GameState): HTMLElement {
  return el(
    'section',
    // Focusable, so that the keyboard can scroll it where the column is short (large text).
    { class: 'meters', attrs: { 'aria-label': 'The sides’ standing', tabindex: 0 } },
    ...scenario.sides.map((side) => {
      const state = game.sides[side.id]!;
      return el(
        'div',
        { class: 'side-meters', attrs: { style: `--side: ${side.colour}` } },
        el('h3', { text: side.shortName }),
        ...METERS.map(([key, label]) =>
          el(
            'div',
            { class: 'meter-row' },
            el('span', { class: 'meter-label', text: label }),
            el('meter', {
              attrs: { min: 0, max: 100, value: state[key], 'aria-label': `${side.shortName} ${label}: ${Math.round(state[key])} of 100` },
            }),
            el('span', { class: 'meter-value', text: String(Math.round(state[key])) }),
          ),
        ),
        // Scenarios without a troop build-up (forces 0 throughout) have nothing to show here.
        state.forces > 0 || side.forces > 0
          ? el('p', { class: 'forces', text: `Forces ${side.forcesWhere}: ${Math.round(state.forces)}k` })
          : null,
      );
    }),
  );
}
