import {
  isCompareHostMessage,
  type CompareHostMessage,
  type ComparePageMessage,
  type CompareRowView,
} from '../../shared/compareProtocol';
import { h } from '../dom';
import { LiveStatus } from '../liveStatus';
import { compareGridActionFor } from './cellAction';
import { acquireCompareVsCodeApi } from './compareVsCodeApi';
import { handleGridKeys, placeGridFocus, type GridPosition } from './gridKeyboard';
import { LazyRows } from './lazyRows';
import { orderedRows, renderCompare, type SortOrder } from './renderCompare';

/** Rows built with the table: a screenful and more; the rest as they scroll near (LazyRows). */
const FIRST_ROWS = 60;

// The Compare Secrets page. It only shows what the host sends and posts the
// user's requests back; it never talks to the server and never holds a value.

const api = acquireCompareVsCodeApi();
const app = document.getElementById('app');
const statusRegion = document.getElementById('status');
if (app === null || statusRegion === null) {
  throw new Error('The compare page is missing its #app or #status element.');
}
const appElement: HTMLElement = app;
const status = new LiveStatus(statusRegion);

let table: Extract<CompareHostMessage, { type: 'table' }> | undefined;
let order: SortOrder = 'ascending';
/** Where the grid's focus is, by variable (undefined for the header row) and column, so it survives re-renders. */
let focusAt: { variable: string | undefined; col: number; rowIndex: number } = {
  variable: undefined,
  col: 0,
  rowIndex: 0,
};

function gridElement(): HTMLElement | null {
  return appElement.querySelector<HTMLElement>('table[role="grid"]');
}

function rememberFocus(position: GridPosition): void {
  const grid = gridElement();
  const cell = grid?.querySelector(`[data-row="${position.rowIndex}"][data-col="${position.col}"]`);
  const variable = cell?.closest('tr')?.getAttribute('data-variable') ?? undefined;
  focusAt = { variable, col: position.col, rowIndex: position.rowIndex };
}

/** The rows of the table on show, built on demand; replaced with the table. */
let lazyRows: LazyRows | undefined;

/** Puts the grid's tab stop (and focus, if the grid had it) back on the remembered cell, building its row first. */
function restoreFocus(grid: HTMLElement, rows: readonly CompareRowView[], takeFocus: boolean): void {
  let rowIndex = focusAt.rowIndex;
  if (focusAt.variable !== undefined) {
    const found = rows.findIndex((row) => row.variable === focusAt.variable);
    rowIndex = found >= 0 ? found + 1 : rowIndex;
  }
  lazyRows?.ensure(rowIndex);
  const placed = placeGridFocus(grid, { rowIndex, col: focusAt.col }, takeFocus);
  if (placed !== undefined) {
    rememberFocus(placed);
  }
}

/**
 * Timings of the page's own work, as User Timing measures (read by the
 * benchmark through `performance.getEntriesByType('measure')`): from a table's
 * arrival to its first rows drawn; from a filter click to the filtered
 * table's first rows drawn; the script's part of a render. Names only,
 * nothing of the table.
 */
const timing = {
  tableArrived: 'compare:table-arrived',
  filterClicked: 'compare:filter-clicked',
  firstRows: 'compare:first-rows',
  filterShown: 'compare:filter-shown',
  renderStarted: 'compare:render-started',
  /** The script's own part of a render (building the first rows), without style and layout. */
  renderScript: 'compare:render-script',
};
let filterPending = false;

function measureSince(name: string, start: string): void {
  if (performance.getEntriesByName(start, 'mark').length > 0) {
    performance.measure(name, start);
  }
}

function render(): void {
  if (table === undefined) {
    return;
  }
  performance.mark(timing.renderStarted);
  const hadFocus = gridElement()?.contains(document.activeElement) === true;
  lazyRows?.dispose();
  lazyRows = undefined;
  appElement.replaceChildren(renderCompare(table, order));
  appElement.setAttribute('aria-busy', 'false');
  const grid = gridElement();
  const body = grid?.querySelector('tbody');
  if (grid === null || body === null || body === undefined) {
    if (hadFocus) {
      appElement.querySelector<HTMLElement>('#heading')?.focus();
    }
    return;
  }
  const rows = orderedRows(table, order);
  // Below the table: when it nears the viewport, more rows are built.
  const end = h('div', { class: 'rows-end', 'aria-hidden': 'true' });
  appElement.append(end);
  lazyRows = new LazyRows(body, rows, end, FIRST_ROWS);
  const building = lazyRows;
  handleGridKeys(grid, rememberFocus, (to) => building.ensure(to.rowIndex));
  restoreFocus(grid, rows, hadFocus);
  // The frame's callback runs before its paint; the task after it, once the rows are drawn.
  requestAnimationFrame(() =>
    setTimeout(() => {
      measureSince(timing.firstRows, timing.tableArrived);
      if (filterPending) {
        filterPending = false;
        measureSince(timing.filterShown, timing.filterClicked);
      }
    }, 0),
  );
  measureSince(timing.renderScript, timing.renderStarted);
}

function post(message: ComparePageMessage): void {
  api.postMessage(message);
}

function handle(message: CompareHostMessage): void {
  switch (message.type) {
    case 'state':
      api.setState(message.state);
      return;
    case 'notice':
      status.notice('error', message.text);
      return;
    case 'table': {
      performance.mark(timing.tableArrived);
      const first = table === undefined;
      table = message;
      render();
      if (first && !status.showsNotice) {
        status.announce(`${message.rows.length} names compared across ${message.columns.length} columns.`);
      }
      return;
    }
  }
}

appElement.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const filterButton = target?.closest<HTMLElement>('button[data-filter]');
  const filter = filterButton?.dataset.filter;
  if (filter === 'all' || filter === 'differences' || filter === 'missing') {
    status.clear();
    performance.mark(timing.filterClicked);
    filterPending = true;
    post({ type: 'setFilter', filter });
    return;
  }
  const action = target?.closest<HTMLElement>('button[data-action]');
  if (action?.dataset.action === 'refresh') {
    status.announce('Refreshing…');
    post({ type: 'refresh' });
    return;
  }
  if (action?.dataset.action === 'sort') {
    order = order === 'ascending' ? 'descending' : 'ascending';
    render();
    status.announce(`Sorted by name, ${order}.`);
    return;
  }
  const request = action === null || action === undefined ? undefined : compareGridActionFor(action);
  if (request !== undefined) {
    status.clear();
    post(request);
  }
});

appElement.addEventListener('keydown', (event) => {
  // Enter or Space on a cell does what its button does: create here, history, or sort.
  if (
    (event.key === 'Enter' || event.key === ' ') &&
    event.target instanceof HTMLElement &&
    event.target.matches('[data-col]')
  ) {
    const button = event.target.querySelector<HTMLElement>('button[data-action]');
    if (button !== null) {
      event.preventDefault();
      button.click();
    }
  }
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  // Only what passes the guard is acted on; anything else is dropped silently.
  if (isCompareHostMessage(event.data)) {
    handle(event.data);
  }
});

post({ type: 'ready' });
