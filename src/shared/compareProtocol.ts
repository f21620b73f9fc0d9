/**
 * The message protocol between a Compare Secrets panel (extension host) and
 * its page (webview). As for the history page, both sides check every
 * message with the guards below and ignore what fails them, and nothing here
 * carries a secret value: values cannot be read, only compared by metadata.
 *
 * Imported by the host and by the browser bundle, so no `vscode` and no Node
 * built-ins.
 */
import { isArrayOf, isRecord, isString, isVersionNumber } from './protocolGuards';

/** The expiry state of a present cell. */
export type CompareExpiry = 'active' | 'expiring' | 'expired';

/** A variable a column has. */
export interface PresentCellView {
  kind: 'present';
  secretId: string;
  name: string;
  version: number;
  /** Relative, e.g. "3 days ago". */
  updated: string;
  expiry: CompareExpiry;
  /** A namespace secret hiding a global one with the same variable. */
  override: boolean;
}

/** A cell of the table. */
export type CompareCellView = PresentCellView | { kind: 'missing' };

/** One variable across every column. */
export interface CompareRowView {
  variable: string;
  cells: CompareCellView[];
  missingSomewhere: boolean;
  differs: boolean;
}

/** Which rows the page shows. */
export type CompareFilter = 'all' | 'differences' | 'missing';

/** Which secrets of a connection a column shows (the model's CompareScope, as the page keeps it). */
export type CompareScopeView =
  { kind: 'global' } | { kind: 'namespace'; namespace: string } | { kind: 'function'; namespace: string };

/** A column as chosen: a scope of one connection, by id. */
export interface CompareColumnSpec {
  connectionId: string;
  scope: CompareScopeView;
}

/** What the page keeps with `setState`, so that the serializer can bring the panel back after a reload. */
export interface ComparePageState {
  columns: CompareColumnSpec[];
  filter: CompareFilter;
}

/** Messages from the host to the page; `state` is for the page to keep, never shown. */
export type CompareHostMessage =
  | { type: 'table'; columns: string[]; rows: CompareRowView[]; filter: CompareFilter }
  | { type: 'notice'; text: string }
  | { type: 'state'; state: ComparePageState };

/** Messages from the page to the host; cells are named by variable and column index, never by value. */
export type ComparePageMessage =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'setFilter'; filter: CompareFilter }
  | { type: 'showHistory'; variable: string; column: number }
  | { type: 'createHere'; variable: string; column: number };

function isColumnIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Whether `value` is one of the filters. */
export function isCompareFilter(value: unknown): value is CompareFilter {
  return value === 'all' || value === 'differences' || value === 'missing';
}

function isScopeView(value: unknown): value is CompareScopeView {
  if (!isRecord(value)) {
    return false;
  }
  return (
    value.kind === 'global' || ((value.kind === 'namespace' || value.kind === 'function') && isString(value.namespace))
  );
}

function isColumnSpec(value: unknown): value is CompareColumnSpec {
  return isRecord(value) && isString(value.connectionId) && isScopeView(value.scope);
}

/** Checks a saved page state (it comes back from the webview on restore, so it is untrusted). */
export function isComparePageState(value: unknown): value is ComparePageState {
  return isRecord(value) && isArrayOf(value.columns, isColumnSpec) && isCompareFilter(value.filter);
}

function isCellView(value: unknown): value is CompareCellView {
  if (!isRecord(value)) {
    return false;
  }
  if (value.kind === 'missing') {
    return true;
  }
  return (
    value.kind === 'present' &&
    isString(value.secretId) &&
    isString(value.name) &&
    isVersionNumber(value.version) &&
    isString(value.updated) &&
    (value.expiry === 'active' || value.expiry === 'expiring' || value.expiry === 'expired') &&
    typeof value.override === 'boolean'
  );
}

function isRowView(value: unknown): value is CompareRowView {
  return (
    isRecord(value) &&
    isString(value.variable) &&
    isArrayOf(value.cells, isCellView) &&
    typeof value.missingSomewhere === 'boolean' &&
    typeof value.differs === 'boolean'
  );
}

/** Checks a message that claims to come from the host; every row must have one cell per column. */
export function isCompareHostMessage(value: unknown): value is CompareHostMessage {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'table': {
      const { columns } = value;
      return (
        isArrayOf(columns, isString) &&
        isCompareFilter(value.filter) &&
        isArrayOf(value.rows, isRowView) &&
        value.rows.every((row) => row.cells.length === columns.length)
      );
    }
    case 'notice':
      return isString(value.text);
    case 'state':
      return isComparePageState(value.state);
    default:
      return false;
  }
}

/** Checks a message that claims to come from the page; anything else is logged and ignored. */
export function isComparePageMessage(value: unknown): value is ComparePageMessage {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'ready':
    case 'refresh':
      return true;
    case 'setFilter':
      return isCompareFilter(value.filter);
    case 'showHistory':
    case 'createHere':
      return isString(value.variable) && isColumnIndex(value.column);
    default:
      return false;
  }
}
