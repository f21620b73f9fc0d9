/**
 * A roving tabindex over a table with role="grid": exactly one cell is in
 * the tab order, the arrow keys (Home/End, Ctrl+Home/End, Page Up/Down too)
 * move it and its visible focus. Cells carry `data-row`/`data-col`; the
 * grid carries `data-rows`/`data-cols`.
 */

/** Where the grid's focus is, by row key (the variable) and column. */
export interface GridPosition {
  rowIndex: number;
  col: number;
}

const PAGE = 10;

/** The number of rows and columns, which the renderer writes on the grid. */
function sizeOf(grid: HTMLElement): { rows: number; cols: number } {
  return { rows: Number(grid.dataset.rows ?? 0), cols: Number(grid.dataset.cols ?? 0) };
}

/** Puts the single tab stop on the cell at `position` (clamped into the grid) and optionally focuses it. */
export function placeGridFocus(grid: HTMLElement, position: GridPosition, focus: boolean): GridPosition | undefined {
  const size = sizeOf(grid);
  if (size.rows === 0 || size.cols === 0) {
    return undefined;
  }
  const rowIndex = Math.min(Math.max(position.rowIndex, 0), size.rows - 1);
  const col = Math.min(Math.max(position.col, 0), size.cols - 1);
  const cell = grid.querySelector<HTMLElement>(`[data-row="${rowIndex}"][data-col="${col}"]`);
  if (cell === null) {
    return undefined;
  }
  for (const current of grid.querySelectorAll<HTMLElement>('[data-col][tabindex="0"]')) {
    current.setAttribute('tabindex', '-1');
  }
  cell.setAttribute('tabindex', '0');
  if (focus) {
    cell.focus();
  }
  return { rowIndex, col };
}

/** The position of a cell of the grid. */
export function positionOf(cell: Element): GridPosition | undefined {
  const rowIndex = Number(cell.getAttribute('data-row'));
  const col = Number(cell.getAttribute('data-col'));
  return Number.isSafeInteger(rowIndex) && Number.isSafeInteger(col) ? { rowIndex, col } : undefined;
}

/** The position a key moves to from `from`, or undefined for a key the grid does not handle. */
export function movedPosition(
  key: string,
  ctrl: boolean,
  from: GridPosition,
  rowCount: number,
  colCount: number,
): GridPosition | undefined {
  switch (key) {
    case 'ArrowUp':
      return { rowIndex: from.rowIndex - 1, col: from.col };
    case 'ArrowDown':
      return { rowIndex: from.rowIndex + 1, col: from.col };
    case 'ArrowLeft':
      return { rowIndex: from.rowIndex, col: from.col - 1 };
    case 'ArrowRight':
      return { rowIndex: from.rowIndex, col: from.col + 1 };
    case 'Home':
      return ctrl ? { rowIndex: 0, col: 0 } : { rowIndex: from.rowIndex, col: 0 };
    case 'End':
      return ctrl ? { rowIndex: rowCount - 1, col: colCount - 1 } : { rowIndex: from.rowIndex, col: colCount - 1 };
    case 'PageUp':
      return { rowIndex: from.rowIndex - PAGE, col: from.col };
    case 'PageDown':
      return { rowIndex: from.rowIndex + PAGE, col: from.col };
    default:
      return undefined;
  }
}

/**
 * Wires the keys of a grid; `onMove` hears each new position so the page can
 * keep it across re-renders; `beforeMove` hears where a key goes first, so
 * that the page can build that row if it is not built yet.
 */
export function handleGridKeys(
  grid: HTMLElement,
  onMove: (position: GridPosition) => void,
  beforeMove: (to: GridPosition) => void = () => undefined,
): void {
  grid.addEventListener('keydown', (event) => {
    const cell = event.target instanceof Element ? event.target.closest('[data-col]') : null;
    const from = cell === null ? undefined : positionOf(cell);
    if (from === undefined) {
      return;
    }
    const size = sizeOf(grid);
    const to = movedPosition(event.key, event.ctrlKey || event.metaKey, from, size.rows, size.cols);
    if (to === undefined) {
      return;
    }
    event.preventDefault();
    beforeMove(to);
    const placed = placeGridFocus(grid, to, true);
    if (placed !== undefined) {
      onMove(placed);
    }
  });
  grid.addEventListener('focusin', (event) => {
    const cell = event.target instanceof Element ? event.target.closest('[data-col]') : null;
    const position = cell === null ? undefined : positionOf(cell);
    if (position !== undefined) {
      placeGridFocus(grid, position, false);
      onMove(position);
    }
  });
}
