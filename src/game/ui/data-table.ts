/**
 * A data table: a caption, one row of column headers and the body, with every header scoped so a
 * screen reader names a cell by its row and column. Built with `el`, so text stays text.
 *
 *   dataTable({
 *     class: 'scores',                          // optional class of the <table>
 *     caption: 'Scores',                        // optional; or { text, class } for a styled caption
 *     columns: ['Side', 'Your game'],           // a string becomes <th scope="col">; or pass a <th>
 *     rows: [{ head: 'USA', cells: ['1.0'] }],  // head becomes <th scope="row">, a string cell a <td>;
 *   });                                         // or pass a whole <tr> built by the caller
 */
import { el } from './dom.ts';

/** A header or data cell: its text, or the cell element itself when it holds more than text. */
export type CellContent = string | HTMLTableCellElement;

/** A body row: its header (the thing the row is about) and its data cells. */
export interface TableRow {
  head: CellContent;
  cells: readonly CellContent[];
}

export interface DataTableOptions {
  class?: string;
  caption?: string | { text: string; class?: string };
  columns: readonly CellContent[];
  rows: readonly (TableRow | HTMLTableRowElement)[];
}

/** A header cell for the row it begins, for callers that build a whole `<tr>`. */
export function rowHead(text: string): HTMLTableCellElement {
  return el('th', { text, attrs: { scope: 'row' } });
}

const columnHead = (content: CellContent) => (typeof content === 'string' ? el('th', { text: content, attrs: { scope: 'col' } }) : content);
const dataCell = (content: CellContent) => (typeof content === 'string' ? el('td', { text: content }) : content);

function bodyRow(row: TableRow | HTMLTableRowElement): HTMLTableRowElement {
  if (row instanceof HTMLTableRowElement) return row;
  return el('tr', {}, typeof row.head === 'string' ? rowHead(row.head) : row.head, ...row.cells.map(dataCell));
}

export function dataTable(options: DataTableOptions): HTMLTableElement {
  const { caption } = options;
  return el(
    'table',
    { class: options.class },
    typeof caption === 'string' ? el('caption', { text: caption }) : caption && el('caption', caption),
    el('thead', {}, el('tr', {}, ...options.columns.map(columnHead))),
    el('tbody', {}, ...options.rows.map(bodyRow)),
  );
}
