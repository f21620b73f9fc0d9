/**
 * Brings the service_keys table of a data folder written by an older version
 * up to date: columns that were added later are added when missing, so old
 * keys keep working (a NULL `revoked_at` means "not revoked").
 */
import type Database from 'better-sqlite3';

/** An open better-sqlite3 database (database.ts's SqliteDatabase, named here so the two modules form no cycle). */
type SqliteDatabase = Database.Database;

/** Columns added to service_keys after the first release, with their SQL type. */
const ADDED_COLUMNS: readonly { name: string; definition: string }[] = [{ name: 'revoked_at', definition: 'TEXT' }];

function missingColumns(db: SqliteDatabase): { name: string; definition: string }[] {
  const present = new Set(
    (db.prepare('PRAGMA table_info(service_keys)').all() as { name: string }[]).map((column) => column.name),
  );
  return ADDED_COLUMNS.filter((column) => !present.has(column.name));
}

/**
 * Adds the missing columns. Runs in an immediate transaction and checks again
 * inside it, because the server and a `keys` command may open the same old
 * folder at the same moment.
 */
export function migrateServiceKeys(db: SqliteDatabase): void {
  if (missingColumns(db).length === 0) return;
  db.transaction(() => {
    for (const column of missingColumns(db)) {
      db.exec(`ALTER TABLE service_keys ADD COLUMN ${column.name} ${column.definition}`);
    }
  }).immediate();
}
