/**
 * The class view's table: a row per game — its number and curve's style (as on the chart), its
 * name and file, the opponent, the outcome, the scores, the scenario check and a Replay button —
 * highlighted with its curve when pointed at or focused.
 */
import { button, el } from '../../ui/dom.ts';
import { dataTable } from '../../ui/data-table.ts';
import { curveStyle, type ClassRow } from '../../view/class-view.ts';
import type { Comparison } from '../../view/class-reference.ts';
import { OUTCOME_TITLES } from '../../view/debrief-view.ts';
import type { ClassSession } from '../class-files.ts';
import { curveSwatch } from '../class-chart.ts';

export interface ClassTableHandlers {
  /** A row pointed at or focused (its index), or left (null). */
  highlight: (index: number | null) => void;
  replay: (session: ClassSession, index: number) => void;
}

/** The game's name holds its side and players (and its scenario when the class has several), so they need no columns of their own. */
const COLUMNS = ['Game', 'Opponent', 'Outcome', 'Scores', 'Scenario check'];

/** The table and its body rows, in the order of the games (for highlighting a row from the chart). */
export function classTable(
  sessions: readonly ClassSession[],
  comparisons: readonly Comparison[],
  on: ClassTableHandlers,
): { table: HTMLTableElement; rows: HTMLTableRowElement[] } {
  // One scenario for the whole class (the usual case) is named once, above the table, not on every row.
  const scenarios = new Set(sessions.map(({ row }) => row.scenario));
  const oneScenario = scenarios.size === 1 ? [...scenarios][0]! : null;
  // One reference for every row is named once (by the list of choices); several are named on each row.
  const references = new Set(comparisons.flatMap((comparison) => (comparison.kind === 'none' ? [] : [comparison.reference])));
  const rows = sessions.map((session, index) =>
    classTableRow(session, index, comparisons[index]!, { nameScenario: !oneScenario, nameReference: references.size > 1 }, on),
  );
  const table = dataTable({
    class: 'class-table',
    caption: { class: oneScenario ? 'table-caption' : 'visually-hidden', text: oneScenario ? `Scenario: ${oneScenario}` : 'Sessions' },
    // Every header has words, for a screen reader, even where the buttons speak for themselves.
    columns: [...COLUMNS, el('th', { attrs: { scope: 'col' } }, el('span', { class: 'visually-hidden', text: 'Replay' }))],
    rows,
  });
  return { table, rows };
}

function classTableRow(
  session: ClassSession,
  index: number,
  comparison: Comparison,
  naming: { nameScenario: boolean; nameReference: boolean },
  on: ClassTableHandlers,
): HTMLTableRowElement {
  const { row } = session;
  const highlight = () => on.highlight(index);
  const leave = () => on.highlight(null);
  return el(
    'tr',
    {
      class: comparison.kind === 'differs' ? 'differs' : '',
      on: { mouseenter: highlight, mouseleave: leave, focusin: highlight, focusout: leave },
    },
    el(
      'th',
      { attrs: { scope: 'row' } },
      el('span', { class: 'game-key' }, curveSwatch(curveStyle(index)), el('span', { class: 'curve-number', text: String(index + 1) })),
      el('span', { class: 'line', text: naming.nameScenario ? row.name : row.who }),
      el('span', { class: 'line quiet', text: row.file }),
    ),
    el('td', { text: row.opponent }),
    // Related figures share a cell, a line each, so that the table fits a narrow window at large text (the CSV keeps them apart).
    el(
      'td',
      {},
      el('span', { class: 'line', text: row.outcome ? OUTCOME_TITLES[row.outcome]! : 'unfinished' }),
      el('span', { class: 'line figure', text: `final risk ${row.finalRisk.toFixed(1)}` }),
      el('span', { class: 'line figure', text: `${row.rounds} round${row.rounds === 1 ? '' : 's'}` }),
    ),
    el(
      'td',
      {},
      el('span', { class: 'line figure', text: `player ${row.playerScore.toFixed(1)}` }),
      el('span', { class: 'line figure', text: `other ${row.otherScore.toFixed(1)}` }),
    ),
    comparisonCell(comparison, row, naming.nameReference),
    el(
      'td',
      {},
      button('Replay', () => on.replay(session, index), { attrs: { 'aria-label': `Replay game ${index + 1}, ${row.name}` } }),
    ),
  );
}

/** The scenario check of a row, in words (never by colour alone), with what format 3 files leave unchecked. */
function comparisonCell(comparison: Comparison, row: ClassRow, nameReference: boolean): HTMLElement {
  const old =
    row.formatVersion < 4
      ? el('span', { class: 'line quiet', text: `format ${row.formatVersion}: only the moves and states are checked` })
      : null;
  if (comparison.kind === 'matches')
    return el(
      'td',
      { class: 'scenario-check' },
      el('span', { class: 'line', text: nameReference ? `✓ matches ${comparison.reference}` : '✓ matches' }),
      old,
    );
  if (comparison.kind === 'none')
    return el('td', { class: 'scenario-check quiet' }, el('span', { class: 'line', text: comparison.why }), old);
  return el(
    'td',
    { class: 'scenario-check' },
    el('strong', { class: 'line differs-label', text: nameReference ? `⚠ differs from ${comparison.reference}` : '⚠ differs' }),
    el('ul', { class: 'differences' }, ...comparison.lines.map((text) => el('li', { text }))),
    old,
  );
}
