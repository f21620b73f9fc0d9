/**
 * Adds columns that a table gained after the first release to data folders
 * written by older versions, so old rows keep working with the columns'
 * defaults.
 */
import type { SqliteDatabase } from './sqliteDatabase';

/** A column added after the first release, with its SQL type and default. */
export interface AddedColumn {
  readonly name: string;
  readonly definition: string;
}

function missingColumns(db: SqliteDatabase, table: string, columns: readonly AddedColumn[]): AddedColumn[] {
  const present = new Set(
    (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name),
  );
  return columns.filter((column) => !present.has(column.name));
}

/**
 * Adds the missing columns. Runs in an immediate transaction and checks again
 * inside it, because the server and a `keys` command may open the same old
 * folder at the same moment.
 */
export function addMissingColumns(db: SqliteDatabase, table: string, columns: readonly AddedColumn[]): void {
  if (missingColumns(db, table, columns).length === 0) return;
  db.transaction(() => {
    for (const column of missingColumns(db, table, columns)) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN ${column.name} ${column.definition}`);
    }
  }).immediate();
}
