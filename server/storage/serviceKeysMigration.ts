/**
 * Brings the service_keys table of a data folder written by an older version
 * up to date: columns that were added later are added when missing, so old
 * keys keep working (a NULL `revoked_at` means "not revoked").
 */
import { addMissingColumns, AddedColumn } from './columnMigration';
import type { SqliteDatabase } from './sqliteDatabase';

/** Columns added to service_keys after the first release, with their SQL type. */
const ADDED_COLUMNS: readonly AddedColumn[] = [{ name: 'revoked_at', definition: 'TEXT' }];

/** Adds the missing columns (see addMissingColumns). */
export function migrateServiceKeys(db: SqliteDatabase): void {
  addMissingColumns(db, 'service_keys', ADDED_COLUMNS);
}
