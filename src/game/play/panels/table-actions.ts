/**
 * The sticky bar at the foot of the table: the actions of the mode the player is in (table the
 * package; accept all, accept some, counter, reject or walk out; accept the ticked tracks; send the
 * counter-proposal), or the confirmation before walking out. Each button shows its shortcut.
 */
import { button, el, uniqueId } from '../../ui/dom.ts';
import type { TableAction } from '../../view/table-choices.ts';
import { acceptableTracks, canAcceptAll, type TableMode, type TableView } from '../../view/table-view.ts';

export interface ActionHandlers {
  act: (action: TableAction) => void;
  setMode: (mode: TableMode) => void;
  cancel: () => void;
}

const row = (...items: HTMLElement[]) => el('div', { class: 'actions' }, ...items);
const bar = (...items: HTMLElement[]) => el('div', { class: 'table-actions' }, ...items);

/** `acceptNote` says why Accept all is disabled, where it is; `walkoutRisk` is the scenario's. */
export function tableActions(
  view: TableView,
  mode: TableMode,
  walkoutRisk: number,
  acceptNote: HTMLElement | null,
  on: ActionHandlers,
): HTMLElement {
  const acceptAll = () =>
    button('Accept all', () => on.act('accept'), {
      key: 'A',
      class: 'primary',
      attrs: { disabled: !canAcceptAll(view), 'aria-describedby': acceptNote?.id },
    });
  const acceptSome = (some: TableMode) =>
    button('Accept some…', () => on.setMode(some), { key: 'S', attrs: { disabled: acceptableTracks(view).length === 0 } });
  const cancel = () => button('Cancel', on.cancel, { key: 'Esc' });
  switch (mode) {
    case 'propose':
      return bar(row(button('Table the package', () => on.act('propose'), { key: 'Enter', class: 'primary' })));
    case 'answer':
      return bar(
        row(
          acceptAll(),
          acceptSome('accept-some'),
          button('Counter…', () => on.setMode('counter'), { key: 'C' }),
          button('Reject', () => on.act('reject'), { key: 'R' }),
          button('Walk out…', () => on.setMode('confirm-walkout'), { key: 'W', class: 'danger' }),
        ),
      );
    case 'accept-some':
    case 'reply-some':
      return bar(
        row(
          button('Accept the ticked tracks', () => on.act('accept-some'), { key: 'Enter', class: 'primary' }),
          cancel(),
        ),
      );
    case 'counter':
      return bar(
        row(
          button('Send the counter-proposal', () => on.act('counter'), { key: 'Enter', class: 'primary' }),
          cancel(),
        ),
      );
    case 'confirm-walkout':
      return bar(walkoutConfirmation(walkoutRisk, on));
    case 'reply':
      return bar(
        row(
          acceptAll(),
          acceptSome('reply-some'),
          button('Reject', () => on.act('reject'), { key: 'R' }),
        ),
      );
  }
}

/** Walking out cannot be undone: the bar asks first, with staying at the table the safe, primary choice. */
function walkoutConfirmation(walkoutRisk: number, on: ActionHandlers): HTMLElement {
  const question = el('p', {
    id: uniqueId('walkout'),
    text: `Walking out ends the talks at once and raises the risk by ${walkoutRisk}. Are you sure?`,
  });
  return el(
    'div',
    { class: 'confirm', attrs: { role: 'alertdialog', 'aria-label': 'Walk out?', 'aria-describedby': question.id } },
    question,
    row(
      button('Walk out', () => on.act('walkout'), { key: 'Enter', class: 'danger' }),
      button('Stay at the table', on.cancel, { key: 'Esc', class: 'primary' }),
    ),
  );
}
