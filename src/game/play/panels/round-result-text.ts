/**
 * The round's result in words (round-result-view.ts laid out): the incident, or the exchange at
 * the table, the agreements and the statements; why the risk moved, as a bar per factor; how the
 * sides' standing moved; the outcome if the game ended; and the button on.
 */
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import { button, el } from '../../ui/dom.ts';
import type { RiskChangeView, RoundResultView } from '../../view/round-result-view.ts';
import { statementsPanel } from './statements.ts';

export function roundResultText(scenario: Scenario, game: GameState, view: RoundResultView, next: () => void): HTMLElement {
  const roundParts = view.incident === null;
  return el(
    'article',
    { class: 'result-text scroll' },
    view.incident !== null
      ? el(
          'section',
          { class: 'incident', attrs: { role: 'alert' } },
          el('h2', { text: scenario.escalation.incident.name }),
          el('p', { text: view.incident }),
        )
      : el('section', {}, el('h2', { text: 'At the table' }), ...view.exchange.map((text) => el('p', { text }))),
    roundParts ? agreements(view.agreed) : null,
    // Like the standing, the statements were the round's, shown on its result.
    roundParts ? statementsPanel(scenario, game) : null,
    el('section', { class: 'risk-changes' }, el('h2', { text: 'Why the risk moved' }), ...view.changes.map(riskChange)),
    view.meters.length
      ? el(
          'section',
          {},
          el('h2', { text: 'Standing and leverage' }),
          el(
            'ul',
            { class: 'meter-changes' },
            ...view.meters.map((meter) => el('li', {}, el('strong', { text: meter.lead }), meter.causes)),
          ),
        )
      : null,
    game.outcome ? el('p', { class: 'alert', attrs: { role: 'alert' }, text: game.outcome.reason }) : null,
    el('div', { class: 'actions' }, button(view.next, next, { key: 'Enter', class: 'primary' })),
  );
}

function agreements(agreed: string[]): HTMLElement {
  return el(
    'section',
    { class: agreed.length ? 'agreements stamped' : 'agreements' },
    el('h2', { text: 'Agreements' }),
    agreed.length ? el('ul', {}, ...agreed.map((text) => el('li', { text }))) : el('p', { text: 'No track was agreed this round.' }),
  );
}

function riskChange(change: RiskChangeView): HTMLElement {
  return el(
    'div',
    { class: 'risk-change' },
    el('h3', { text: change.heading }),
    el(
      'ul',
      { class: 'factor-bars' },
      ...change.factors.map((factor) =>
        el(
          'li',
          { class: factor.up ? 'up' : 'down', attrs: { style: `--size: ${factor.size}%` } },
          el('span', { class: 'factor-value', text: factor.value }),
          el('span', { class: 'factor-label', text: factor.label }),
        ),
      ),
    ),
  );
}
