import { isCompareHostMessage, type CompareHostMessage, type ComparePageMessage } from '../../shared/compareProtocol';
import { LiveStatus } from '../liveStatus';
import { compareGridActionFor } from './cellAction';
import { acquireCompareVsCodeApi } from './compareVsCodeApi';
import { handleGridKeys, placeGridFocus, type GridPosition } from './gridKeyboard';
import { dataRow, orderedRows, renderCompare, type SortOrder } from './renderCompare';

/** Rows built per animation frame: the first chunk shows at once, the rest follow without blocking input. */
const CHUNK = 200;

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

let renderGeneration = 0;

/** Puts the grid's tab stop (and focus, if the grid had it) back on the remembered cell; false while its row is not built yet. */
function restoreFocus(grid: HTMLElement, takeFocus: boolean): boolean {
  let rowIndex = focusAt.rowIndex;
  if (focusAt.variable !== undefined) {
    const rows = [...grid.querySelectorAll('tbody tr')];
    const found = rows.findIndex((row) => row.getAttribute('data-variable') === focusAt.variable);
    if (found < 0 && rows.length < Number(grid.dataset.rows ?? 0) - 1) {
      return false;
    }
    rowIndex = found >= 0 ? found + 1 : rowIndex;
  }
  const placed = placeGridFocus(grid, { rowIndex, col: focusAt.col }, takeFocus);
  if (placed !== undefined) {
    rememberFocus(placed);
  }
  return true;
}

/**
 * Timings of the page's own work, as User Timing measures (read by the
 * benchmark through `performance.getEntriesByType('measure')`): from a table's
 * arrival to its first rows drawn, and to its last; from a filter click to
 * the filtered table's first rows. Names only, nothing of the table.
 */
const timing = {
  tableArrived: 'compare:table-arrived',
  filterClicked: 'compare:filter-clicked',
  firstRows: 'compare:first-rows',
  allRows: 'compare:all-rows',
  filterShown: 'compare:filter-shown',
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
  const generation = ++renderGeneration;
  const hadFocus = gridElement()?.contains(document.activeElement) === true;
  appElement.replaceChildren(renderCompare(table, order, CHUNK));
  appElement.setAttribute('aria-busy', 'false');
  const grid = gridElement();
  if (grid === null) {
    if (hadFocus) {
      appElement.querySelector<HTMLElement>('#heading')?.focus();
    }
    return;
  }
  handleGridKeys(grid, rememberFocus);
  let restored = restoreFocus(grid, hadFocus);
  const rows = orderedRows(table, order);
  const body = grid.querySelector('tbody');
  let next = CHUNK;
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
  const appendChunk = (): void => {
    if (generation !== renderGeneration || body === null || next >= rows.length) {
      if (generation === renderGeneration && next >= rows.length) {
        measureSince(timing.allRows, timing.tableArrived);
      }
      return;
    }
    const end = Math.min(next + CHUNK, rows.length);
    const fragment = document.createDocumentFragment();
    for (let index = next; index < end; index++) {
      const row = rows[index];
      if (row !== undefined) {
        fragment.append(dataRow(row, index + 1));
      }
    }
    body.append(fragment);
    next = end;
    restored ||= restoreFocus(grid, hadFocus);
    requestAnimationFrame(appendChunk);
  };
  requestAnimationFrame(appendChunk);
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
