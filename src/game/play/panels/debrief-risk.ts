/**
 * The debrief's risk of war: how the game ended above the chart (drawn on the canvas on screen, as
 * SVG on paper), and the table of the risk round by round with the factors of each change.
 */
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import { dataTable } from '../../ui/data-table.ts';
import { el } from '../../ui/dom.ts';
import { bandName, bands, factorLine, type riskSeries } from '../../view/risk-view.ts';
import { riskChartSvg } from '../../widgets/risk-chart-svg.ts';

export type RiskSeries = ReturnType<typeof riskSeries>;

/** The chart in words, its name for a screen reader on screen and on paper. */
export function riskChartLabel(series: RiskSeries): string {
  return `Risk by round: ${series.map((point) => `${point.label} ${point.risk.toFixed(1)}`).join(', ')}`;
}

/** The outcome and the chart: `chartSlot` is where the canvas draws it; the SVG copy shows only in print. */
export function outcomeChart(scenario: Scenario, game: GameState, series: RiskSeries, chartSlot: HTMLElement): HTMLElement {
  const outcome = game.outcome!;
  return el(
    'section',
    { class: 'chart' },
    el('p', {
      class: `outcome ${outcome.kind}`,
      text: `${outcome.reason} Final risk ${game.risk.toFixed(1)} (${bandName(scenario, game.risk)}), in round ${outcome.round + 1} of ${scenario.rounds.length}.`,
    }),
    el('h2', { text: 'The risk of war' }),
    chartSlot,
    el(
      'div',
      { class: 'print-only' },
      riskChartSvg(
        bands(scenario),
        series.map((point) => point.label),
        series.map((point) => point.risk),
        riskChartLabel(series),
      ),
    ),
  );
}

export function riskTable(scenario: Scenario, series: RiskSeries): HTMLTableElement {
  return dataTable({
    class: 'risk-table',
    caption: 'The risk round by round, and why it moved',
    columns: ['Round', 'Risk', 'Factors'],
    rows: series.map((point) => ({
      head: point.label,
      cells: [
        `${point.risk.toFixed(1)} (${bandName(scenario, point.risk)})`,
        el('td', {}, ...point.changes.map((change) => el('p', { text: `${change.stage}: ${change.factors.map(factorLine).join('; ')}` }))),
      ],
    })),
  });
}
