/** The panel that lists every problem of a file that could not be loaded; nothing else changes. */
import { formatProblem, type Problem } from '../../../engine/scenario/problems.ts';
import { button, el } from '../../ui/dom.ts';

export function showProblems(panel: HTMLElement, origin: string, problems: Problem[], advice: string, onDismiss: () => void): void {
  const dismiss = button('Dismiss', () => {
    panel.hidden = true;
    onDismiss();
  });
  panel.replaceChildren(
    el('h2', {
      id: 'problems-title',
      text: `${origin} could not be loaded (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
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
