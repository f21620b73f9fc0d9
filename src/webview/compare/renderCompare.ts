import type { CompareCellView, CompareFilter, CompareHostMessage, CompareRowView } from '../../shared/compareProtocol';
import { h, icon } from '../dom';

type Table = Extract<CompareHostMessage, { type: 'table' }>;

/** How the page orders rows: by variable name, one way or the other. */
export type SortOrder = 'ascending' | 'descending';

const FILTERS: readonly { filter: CompareFilter; label: string }[] = [
  { filter: 'all', label: 'All' },
  { filter: 'differences', label: 'Only differences' },
  { filter: 'missing', label: 'Only missing' },
];

function filterButtons(current: CompareFilter): HTMLElement {
  return h(
    'div',
    { class: 'compare-filters', role: 'group', 'aria-label': 'Show' },
    ...FILTERS.map(({ filter, label }) =>
      h(
        'button',
        {
          type: 'button',
          class: `button ${filter === current ? 'primary' : 'secondary'}`,
          'data-filter': filter,
          'aria-pressed': String(filter === current),
        },
        label,
      ),
    ),
  );
}

function expiryBadge(cell: Extract<CompareCellView, { kind: 'present' }>): HTMLElement | false {
  if (cell.expiry === 'expired') {
    return h('span', { class: 'badge badge-expired' }, icon('error'), ' Expired');
  }
  return cell.expiry === 'expiring' && h('span', { class: 'badge badge-expiring' }, icon('warning'), ' Expiring');
}

function cellContent(cell: CompareCellView, variable: string, column: number): HTMLElement[] {
  if (cell.kind === 'missing') {
    return [
      h('span', { class: 'missing' }, icon('circle-slash'), ' Missing'),
      h(
        'button',
        { type: 'button', class: 'button secondary cell-action', tabindex: '-1', 'data-action': 'createHere' },
        'Create here…',
      ),
    ];
  }
  return [
    h('span', { class: 'version' }, `v${cell.version}`),
    h('span', { class: 'updated' }, ` · ${cell.updated}`),
    h(
      'span',
      { class: 'badges' },
      expiryBadge(cell),
      cell.override && h('span', { class: 'badge badge-override' }, icon('layers'), ' Override'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'button icon cell-action',
        tabindex: '-1',
        'data-action': 'showHistory',
        'aria-label': `History of ${cell.name}`,
        title: `History of ${cell.name} (column ${column + 1}, ${variable})`,
      },
      icon('history'),
    ),
  ];
}

/** One row of the grid; `rowIndex` counts the header row as 0. */
export function dataRow(row: CompareRowView, rowIndex: number): HTMLTableRowElement {
  return h(
    'tr',
    {
      class: row.missingSomewhere ? 'row-missing' : row.differs ? 'row-differs' : undefined,
      'data-variable': row.variable,
    },
    h(
      'th',
      { scope: 'row', role: 'rowheader', tabindex: '-1', 'data-row': String(rowIndex), 'data-col': '0' },
      row.variable,
    ),
    ...row.cells.map((cell, column) =>
      h(
        'td',
        {
          role: 'gridcell',
          tabindex: '-1',
          class: cell.kind === 'missing' ? 'cell-missing' : cell.expiry === 'expired' ? 'cell-expired' : undefined,
          'data-row': String(rowIndex),
          'data-col': String(column + 1),
          'data-column': String(column),
        },
        ...cellContent(cell, row.variable, column),
      ),
    ),
  );
}

/** The table's rows in `order`. */
export function orderedRows(table: Table, order: SortOrder): readonly CompareRowView[] {
  return order === 'ascending' ? table.rows : [...table.rows].reverse();
}

/**
 * The whole page for a table: heading, filters, and the grid with its header
 * and an empty body; the page builds the rows (dataRow, in `order`) as they
 * are needed (LazyRows), so that thousands of names show without a pause.
 */
export function renderCompare(table: Table, order: SortOrder): DocumentFragment {
  const rows = orderedRows(table, order);
  const header = h(
    'tr',
    {},
    h(
      'th',
      { scope: 'col', role: 'columnheader', tabindex: '-1', 'data-row': '0', 'data-col': '0', 'aria-sort': order },
      h(
        'button',
        {
          type: 'button',
          class: 'button icon sort',
          tabindex: '-1',
          'data-action': 'sort',
          'aria-label': 'Sort by name',
        },
        'Variable ',
        icon(order === 'ascending' ? 'arrow-up' : 'arrow-down'),
      ),
    ),
    ...table.columns.map((title, index) =>
      h(
        'th',
        { scope: 'col', role: 'columnheader', tabindex: '-1', 'data-row': '0', 'data-col': String(index + 1) },
        title,
      ),
    ),
  );
  const grid = h(
    'table',
    {
      class: 'compare-grid',
      role: 'grid',
      'aria-label': 'Secrets compared',
      'aria-rowcount': String(rows.length + 1),
      'data-rows': String(rows.length + 1),
      'data-cols': String(table.columns.length + 1),
    },
    h('thead', {}, header),
    h('tbody', {}),
  );
  const fragment = document.createDocumentFragment();
  fragment.append(
    h('h1', { id: 'heading', tabindex: '-1' }, icon('split-horizontal'), h('span', {}, 'Compare Secrets')),
    h(
      'div',
      { class: 'compare-toolbar' },
      filterButtons(table.filter),
      h('button', { type: 'button', class: 'button secondary', 'data-action': 'refresh' }, icon('refresh'), ' Refresh'),
      h('span', { class: 'compare-count' }, `${rows.length} name${rows.length === 1 ? '' : 's'} shown`),
    ),
    rows.length === 0
      ? h(
          'p',
          { class: 'state-message' },
          table.filter === 'all' ? 'No secrets in these columns.' : 'No row matches the filter.',
        )
      : grid,
  );
  return fragment;
}
