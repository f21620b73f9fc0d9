/**
 * Opens the SQLite database in the data folder. Durability choice, measured
 * on the development machine: `synchronous = FULL` costs about 5 ms per write
 * transaction (one fsync of the WAL) against 0.1 ms for NORMAL. WAL with
 * NORMAL already keeps every acknowledged write through a process kill, but
 * not through a power loss; secrets are written by people, not in bulk, so
 * FULL is cheap enough and also covers the power loss. Reads are unaffected.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { migrateDashboardUsers } from './dashboardUsersMigration';
import { prepareDataFolder, restrictDatabaseFiles } from './dataFolder';
import { SCHEMA_SQL } from './schema';
import type { SqliteDatabase } from './sqliteDatabase';
import { REGISTRY_SCHEMA_SQL } from '../registry/registrySchema';
import { migrateServiceKeys } from './serviceKeysMigration';

/** File name of the database in the data folder (plus its -wal and -shm files). */
export const DATABASE_FILE = 'fluxbase.db';

export type { SqliteDatabase } from './sqliteDatabase';

/**
 * Makes the data folder private (see dataFolder.ts), creating it when missing,
 * and returns its database (files mode 0600), schema applied and migrated.
 */
export function openDatabase(dataDir: string): SqliteDatabase {
  prepareDataFolder(dataDir);
  const path = join(dataDir, DATABASE_FILE);
  restrictDatabaseFiles(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA_SQL);
  db.exec(REGISTRY_SCHEMA_SQL);
  migrateServiceKeys(db);
  migrateDashboardUsers(db);
  return db;
}

/** Reads one value of the `meta` table. */
export function readMeta(db: SqliteDatabase, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

/** Writes one value of the `meta` table. */
export function writeMeta(db: SqliteDatabase, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}
