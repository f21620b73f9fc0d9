/**
 * Data access shared by the two registry tables (edge_functions and
 * job_functions): rows keyed by (namespace, name), listed in upstream's
 * orders. Column names come from this file's callers, never from requests.
 */
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../storage/database';

/** A stored row: column name to SQLite value. */
export type StoredRow = Record<string, string | number | null>;

/** Which table and the SQL order of a namespace listing. */
export interface RegistryTableSpec {
  readonly table: 'edge_functions' | 'job_functions';
  readonly columns: readonly string[];
  /** ORDER BY of `listByNamespace` (EU: functions newest first, jobs by name). */
  readonly namespaceOrder: string;
}

/** Prepared statements over one registry table. */
export class RegistryTable<R extends StoredRow> {
  readonly #all: Statement;
  readonly #byNamespace: Statement;
  readonly #get: Statement;
  readonly #firstByName: Statement;
  readonly #namespaces: Statement;
  readonly #insert: Statement;
  readonly #update: Statement;
  readonly #delete: Statement;

  constructor(db: SqliteDatabase, spec: RegistryTableSpec) {
    const t = spec.table;
    const columns = spec.columns;
    this.#all = db.prepare(`SELECT * FROM ${t} ORDER BY namespace, name`);
    this.#byNamespace = db.prepare(`SELECT * FROM ${t} WHERE namespace = ? ORDER BY ${spec.namespaceOrder}`);
    this.#get = db.prepare(`SELECT * FROM ${t} WHERE namespace = ? AND name = ?`);
    this.#firstByName = db.prepare(`SELECT * FROM ${t} WHERE name = ? ORDER BY namespace LIMIT 1`);
    this.#namespaces = db.prepare(`SELECT DISTINCT namespace FROM ${t} ORDER BY namespace`).pluck();
    this.#insert = db.prepare(
      `INSERT INTO ${t} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`,
    );
    const sets = columns.filter((c) => c !== 'id').map((c) => `${c} = @${c}`);
    this.#update = db.prepare(`UPDATE ${t} SET ${sets.join(', ')} WHERE id = @id`);
    this.#delete = db.prepare(`DELETE FROM ${t} WHERE namespace = ? AND name = ?`);
  }

  /** Every row, ordered by namespace then name. */
  listAll(): R[] {
    return this.#all.all() as R[];
  }

  /** The rows of one namespace in the table's namespace order. */
  listByNamespace(namespace: string): R[] {
    return this.#byNamespace.all(namespace) as R[];
  }

  /** The row with this namespace and name. */
  get(namespace: string, name: string): R | undefined {
    return this.#get.get(namespace, name) as R | undefined;
  }

  /** The row with this name in the alphabetically first namespace that has one. */
  firstByName(name: string): R | undefined {
    return this.#firstByName.get(name) as R | undefined;
  }

  /** The distinct namespaces, sorted. */
  namespaces(): string[] {
    return this.#namespaces.all() as string[];
  }

  /** Inserts a row (throws on a (namespace, name) clash). */
  insert(row: R): void {
    this.#insert.run(row);
  }

  /** Writes every column of the row with this id. */
  update(row: R): void {
    this.#update.run(row);
  }

  /** Deletes by namespace and name; false when nothing was there. */
  delete(namespace: string, name: string): boolean {
    return this.#delete.run(namespace, name).changes === 1;
  }
}
