/**
 * The panel that lists every problem of a file that could not be loaded, and the warnings found
 * with them (marked "warning:"), so one load shows everything; nothing else changes.
 */
import { countProblems, formatProblem, type Problem } from '../../../engine/scenario/problems.ts';
import { button, el } from '../../ui/dom.ts';

export function showProblems(panel: HTMLElement, origin: string, problems: Problem[], advice: string, onDismiss: () => void): void {
  const dismiss = button('Dismiss', () => {
    panel.hidden = true;
    onDismiss();
  });
  panel.replaceChildren(
    el('h2', {
      id: 'problems-title',
      text: `${origin} could not be loaded (${countProblems(problems)})`,
    }),
    el('p', { class: 'note', text: `Nothing has changed. ${advice}` }),
    el('ul', { class: 'problem-list' }, ...problems.map((problem) => el('li', { text: formatProblem(problem) }))),
    el('div', { class: 'actions' }, dismiss),
  );
  panel.hidden = false;
  dismiss.focus();
}

export function problemsPanelElement(): HTMLElement {
  return el('section', { class: 'problems-panel', attrs: { hidden: true, role: 'alert', 'aria-labelledby': 'problems-title' } });
}
