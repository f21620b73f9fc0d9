import type { SecretSummary } from '../api/secretTypes';
import { expiryStateOf } from '../../shared/expiry';
import { effectiveVariables } from '../explorer/effectiveVariables';
import { compareNames } from '../explorer/overrides';
import { formatRelativeTime } from '../../shared/time';
import { secretVariableName } from '../secretVariable';
import type {
  CompareCellView as CompareCell,
  CompareFilter,
  CompareScopeView,
  CompareRowView as CompareRow,
  PresentCellView as PresentCell,
} from '../../shared/compareProtocol';

export type { CompareCell, CompareFilter, CompareRow };

/**
 * The model of the Compare Secrets page: columns are scopes of connections,
 * rows are variable names (`FLUXBASE_SECRET_<UPPER(name)>`, how function
 * code sees a secret, contract §5), cells say whether and how the variable
 * is there. Pure, and linear in the number of secrets, so that thousands of
 * names compare without a pause.
 */

/** Which secrets of a connection a column shows; `function` is what a function in `namespace` sees: global plus namespace, overrides applied, expired secrets left out. */
export type CompareScope = CompareScopeView;

/** One column: a scope of one connection, with that connection's last list. */
export interface CompareColumn {
  connectionId: string;
  connectionName: string;
  scope: CompareScope;
  secrets: readonly SecretSummary[];
}

/** The title of a column, e.g. "prod · Global", "staging · payments", "prod · functions in payments". */
export function compareColumnTitle(column: Pick<CompareColumn, 'connectionName' | 'scope'>): string {
  const { scope } = column;
  const what =
    scope.kind === 'global'
      ? 'Global'
      : scope.kind === 'namespace'
        ? scope.namespace
        : `functions in ${scope.namespace}`;
  return `${column.connectionName} · ${what}`;
}

/** Builds one row per variable any column has, sorted by variable name. */
export function buildCompareRows(columns: readonly CompareColumn[], now: number): CompareRow[] {
  const at = new Date(now);
  const perColumn = columns.map((column) => columnCells(column, at, now));
  const variables = new Set<string>();
  for (const cells of perColumn) {
    for (const variable of cells.keys()) {
      variables.add(variable);
    }
  }
  const rows: CompareRow[] = [];
  for (const variable of variables) {
    const cells = perColumn.map((byVariable): CompareCell => byVariable.get(variable) ?? { kind: 'missing' });
    const present = cells.filter((cell): cell is PresentCell => cell.kind === 'present');
    const missingSomewhere = present.length < cells.length;
    const first = present[0];
    const differs =
      missingSomewhere || present.some((cell) => cell.expiry !== first?.expiry || cell.override !== first?.override);
    rows.push({ variable, cells, missingSomewhere, differs });
  }
  return rows.sort((a, b) => compareNames(a.variable, b.variable));
}

/** The rows a filter keeps, in their order. */
export function filterCompareRows(rows: readonly CompareRow[], filter: CompareFilter): CompareRow[] {
  switch (filter) {
    case 'all':
      return [...rows];
    case 'differences':
      return rows.filter((row) => row.differs);
    case 'missing':
      return rows.filter((row) => row.missingSomewhere);
  }
}

function columnCells(column: CompareColumn, at: Date, now: number): Map<string, PresentCell> {
  const cells = new Map<string, PresentCell>();
  const { scope } = column;
  if (scope.kind === 'function') {
    for (const effective of effectiveVariables(column.secrets, scope.namespace, now)) {
      cells.set(effective.variable, presentCell(effective.secret, at, effective.overrides !== undefined));
    }
    return cells;
  }
  for (const secret of column.secrets) {
    const inScope =
      scope.kind === 'global'
        ? secret.scope === 'global'
        : secret.scope === 'namespace' && secret.namespace === scope.namespace;
    const variable = secretVariableName(secret.name);
    // Names that differ only in case share a variable: the first by name stands for it, as in the tree.
    const existing = cells.get(variable);
    if (inScope && (existing === undefined || compareNames(secret.name, existing.name) < 0)) {
      cells.set(variable, presentCell(secret, at, false));
    }
  }
  return cells;
}

function presentCell(secret: SecretSummary, at: Date, override: boolean): PresentCell {
  const updated = Date.parse(secret.updated_at);
  return {
    kind: 'present',
    secretId: secret.id,
    name: secret.name,
    version: secret.version,
    updated: Number.isNaN(updated) ? secret.updated_at : formatRelativeTime(new Date(updated), at),
    expiry: expiryStateOf(secret, at),
    override,
  };
}
