/**
 * The dashboard_users columns of the security review (issue 12), added to
 * every data folder (new ones too, so there is one code path):
 * - `second_factor_failures`: wrong 2FA codes in a row, counted apart from
 *   wrong passwords; only a completed sign-in (or an expired lock) clears it;
 * - `last_totp_step`: the last accepted TOTP time step, so a code is good once
 *   (RFC 6238 §5.2); NULL before the first;
 * - `credentials_epoch`: raised when the password changes or the account is
 *   deactivated; tokens carry the epoch they were issued in and are refused
 *   once it is out of date (tokens without one count as epoch 0).
 */
import { addMissingColumns, AddedColumn } from './columnMigration';
import type { SqliteDatabase } from './sqliteDatabase';

const ADDED_COLUMNS: readonly AddedColumn[] = [
  { name: 'second_factor_failures', definition: 'INTEGER NOT NULL DEFAULT 0' },
  { name: 'last_totp_step', definition: 'INTEGER' },
  { name: 'credentials_epoch', definition: 'INTEGER NOT NULL DEFAULT 0' },
];

/** Adds the missing columns (see addMissingColumns). */
export function migrateDashboardUsers(db: SqliteDatabase): void {
  addMissingColumns(db, 'dashboard_users', ADDED_COLUMNS);
}
