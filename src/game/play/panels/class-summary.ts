/** The class view's summary: how many sessions and how their games ended, and the files not loaded with why. */
import { el } from '../../ui/dom.ts';
import { outcomeDistribution, type ClassRow } from '../../view/class-view.ts';
import { OUTCOME_TITLES } from '../../view/debrief-view.ts';

/** The count of sessions and a bar per way the games ended (none for a way no game ended). */
export function outcomeSummary(rows: readonly ClassRow[]): HTMLElement[] {
  const distribution = outcomeDistribution(rows).filter((item) => item.count > 0);
  return [
    el('h2', { text: `${rows.length} session${rows.length === 1 ? '' : 's'}` }),
    el(
      'ul',
      { class: 'distribution', attrs: { 'aria-label': 'Outcomes' } },
      ...distribution.map((item) =>
        el(
          'li',
          { attrs: { style: `--share: ${(item.share * 100).toFixed(1)}%` } },
          el('span', { class: 'distribution-label', text: item.outcome === 'unfinished' ? 'Unfinished' : OUTCOME_TITLES[item.outcome]! }),
          el('span', { class: 'distribution-value', text: `${item.count} (${(item.share * 100).toFixed(0)}%)` }),
        ),
      ),
    ),
  ];
}

/** The files refused, each with its problem; null when every file loaded. */
export function refusedFiles(refused: readonly string[]): HTMLElement | null {
  return refused.length
    ? el(
        'section',
        { class: 'problems-panel', attrs: { role: 'alert' } },
        el('h2', { text: 'Not loaded' }),
        el('ul', { class: 'problem-list' }, ...refused.map((text) => el('li', { text }))),
      )
    : null;
}
