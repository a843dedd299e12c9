/**
 * The debrief against history: both sides' scores for this game and for what happened, their
 * arithmetic in words, and the scenario's account of the real outcome.
 */
import type { GlossaryTerm } from '../../../engine/glossary.ts';
import type { GameState } from '../../../engine/rules/state.ts';
import type { Scenario } from '../../../engine/scenario/schema.ts';
import { dataTable } from '../../ui/data-table.ts';
import { el } from '../../ui/dom.ts';
import { termLink, termText, type OpenTerm } from '../../ui/term-text.ts';
import { scoreRows, scoreWords, type ScoreRow } from '../../view/debrief-view.ts';

/** A score with a true minus sign. */
const points = (value: number) => value.toFixed(1).replace('-', '−');

function scoreTable(scores: ScoreRow[]): HTMLTableElement {
  return dataTable({
    class: 'scores',
    caption: 'Scores: the expected value of the outcome, with standing at home',
    columns: ['Side', 'Your game', 'History'],
    rows: scores.map((row) => ({
      head: row.name,
      cells: [el('td', { class: 'score', text: points(row.game.total) }), el('td', { class: 'score', text: points(row.history.total) })],
    })),
  });
}

function scoresExplained(scores: ScoreRow[], glossary: readonly GlossaryTerm[], open: OpenTerm): HTMLElement {
  return el(
    'section',
    { class: 'score-words' },
    el('h3', { text: 'How the scores add up' }),
    el(
      'p',
      {},
      'Each score is an ',
      termLink('expected-value', 'expected value', open),
      ': what was settled counts only as far as peace holds, and what war is worth to the side counts as far as war is likely.',
    ),
    ...scoreWords(scores).map((side) => {
      const linked = new Set(['expected-value']);
      return el(
        'div',
        { class: 'score-side' },
        el('h4', { text: side.name }),
        el('p', {}, el('strong', { text: 'Your game: ' }), ...termText(side.game.join(' '), glossary, open, linked)),
        el('p', {}, el('strong', { text: 'History: ' }), ...termText(side.history.join(' '), glossary, open, linked)),
      );
    }),
  );
}

export function againstHistory(scenario: Scenario, game: GameState, glossary: readonly GlossaryTerm[], open: OpenTerm): HTMLElement {
  const scores = scoreRows(scenario, game);
  return el(
    'section',
    {},
    el('h2', { text: 'Against history' }),
    scoreTable(scores),
    scoresExplained(scores, glossary, open),
    el('p', {}, ...termText(scenario.debrief.outcome.text, glossary, open)),
    el('p', {}, ...termText(scenario.debrief.summary, glossary, open)),
  );
}
