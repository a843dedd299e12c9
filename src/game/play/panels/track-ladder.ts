/**
 * One track of the table: its ladder of positions as a group of radio buttons (arrow keys move
 * along it), with badges in words for each side's demand, both sides' red lines, the status quo
 * and what is on the table — so nothing depends on colour. The chosen rung says so in words too.
 */
import { el, uniqueId } from '../../ui/dom.ts';
import { rungMarks, type TableView, type TrackRow } from '../../view/table-view.ts';

export interface LadderOptions {
  /** Whether the acting side may pick a position (proposing or countering). */
  editable: boolean;
  selected: string | null;
  onSelect: (positionId: string) => void;
  /** For accepting some tracks: whether this track is ticked, or null when not choosing. */
  ticked: boolean | null;
  /** Whether the acting side may accept this track: not its red line, nor linked to one. */
  acceptable: boolean;
  onTick: (ticked: boolean) => void;
}

export function trackLadder(view: TableView, row: TrackRow, options: LadderOptions): HTMLElement {
  const legend = el('legend', {}, el('span', { class: 'track-name', text: row.name }));
  if (row.agreed) {
    return el(
      'fieldset',
      { class: 'track agreed' },
      legend,
      el('p', { class: 'agreed-note', text: `✓ Agreed in round ${row.agreed.round + 1}: ${row.agreed.label}` }),
    );
  }
  const name = uniqueId(`track-${row.id}`);
  const description = el('p', { id: uniqueId('track-description'), class: 'rung-description' });
  const describe = (positionId: string) => {
    const position = row.positions.find((item) => item.id === positionId);
    description.textContent = position ? `${position.label}: ${position.description}` : '';
  };
  describe(options.selected ?? row.onTable ?? row.positions[row.ownStance]!.id);
  const rungs = row.positions.map((position, index) =>
    rung(view, row, index, name, description.id, options, {
      chosen: () => {
        options.onSelect(position.id);
        describe(position.id);
        showChoice(position.id);
      },
      focused: () => describe(position.id),
    }),
  );
  // Exactly one rung looks chosen, and it follows the choice as it changes.
  const showChoice = (positionId: string | null) => {
    for (const item of rungs) item.classList.toggle('selected', item.dataset.position === positionId);
  };
  showChoice(options.selected);
  return el(
    'fieldset',
    { class: `track${options.editable ? ' editable' : ''}` },
    legend,
    el('div', { class: 'ladder' }, ...rungs),
    description,
    ...row.links.map((link) =>
      el('p', { class: 'link-note', text: `Linked to ${link.tracks.join(', ')}, agreed together or not at all: ${link.text}` }),
    ),
    options.ticked === null ? null : tickBox(row, options.ticked, options),
  );
}

/** One position of the ladder: a radio button (of the group `name`) with its number, label and marks. */
function rung(
  view: TableView,
  row: TrackRow,
  index: number,
  name: string,
  descriptionId: string,
  options: LadderOptions,
  on: { chosen: () => void; focused: () => void },
): HTMLLabelElement {
  const position = row.positions[index]!;
  const id = uniqueId('rung');
  const input = el('input', {
    id,
    attrs: {
      type: 'radio',
      name,
      value: position.id,
      checked: options.selected === position.id,
      disabled: !options.editable || position.ownRedLine,
      'aria-describedby': descriptionId,
    },
  });
  input.addEventListener('change', on.chosen);
  input.addEventListener('focus', on.focused);
  const classes = ['rung'];
  if (row.onTable === position.id) classes.push('on-table');
  if (position.ownRedLine) classes.push('own-red');
  if (position.otherRedLine) classes.push('other-red');
  return el(
    'label',
    { class: classes.join(' '), attrs: { for: id, title: `${position.label} — ${position.description}`, 'data-position': position.id } },
    input,
    el('span', { class: 'rung-index', text: String(index + 1) }),
    // The radio's checked state is what a screen reader announces; this mark is for the eye.
    el('span', { class: 'choice-mark', text: '✓ your choice', attrs: { 'aria-hidden': 'true' } }),
    el('span', { class: 'rung-label', text: position.label }),
    el('span', { class: 'badges' }, ...rungMarks(view, row, index).map((mark) => el('span', { class: 'badge', text: mark }))),
  );
}

/** For accepting some tracks: the box that accepts this track's position on the table, saying why where it cannot. */
function tickBox(row: TrackRow, ticked: boolean, options: LadderOptions): HTMLElement {
  const id = uniqueId('tick');
  const onTable = row.positions.find((item) => item.id === row.onTable);
  const input = el('input', {
    id,
    attrs: { type: 'checkbox', checked: ticked, disabled: !onTable || !options.acceptable, 'data-track': row.id },
  });
  input.addEventListener('change', () => options.onTick(input.checked));
  const note = onTable?.ownRedLine
    ? ' (your red line: cannot accept)'
    : !options.acceptable
      ? ' (linked to your red line: cannot accept)'
      : row.links.length > 0
        ? ` (with ${row.links.flatMap((link) => link.tracks).join(', ')})`
        : '';
  return el(
    'div',
    { class: 'tick' },
    input,
    el('label', { text: `Accept ${row.name}: ${onTable?.label ?? ''}${note}`, attrs: { for: id } }),
  );
}
