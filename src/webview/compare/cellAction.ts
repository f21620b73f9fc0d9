import type { ComparePageMessage } from '../../shared/compareProtocol';

/** The request a cell's button stands for: its row's variable and its column, never anything about a value. */
export function compareGridActionFor(button: HTMLElement): ComparePageMessage | undefined {
  const type = button.dataset.action;
  const variable = button.closest('tr')?.getAttribute('data-variable');
  const columnText = button.closest('td')?.getAttribute('data-column');
  const column = Number(columnText);
  if (
    (type !== 'createHere' && type !== 'showHistory') ||
    variable === null ||
    variable === undefined ||
    columnText === null ||
    columnText === undefined
  ) {
    return undefined;
  }
  return Number.isSafeInteger(column) && column >= 0 ? { type, variable, column } : undefined;
}
