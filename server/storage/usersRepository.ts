/**
 * Dashboard users (the admins that log in through /dashboard/auth), with the
 * lockout bookkeeping of upstream's `DashboardAuthService.Login`.
 */
import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from './database';

/** A dashboard user row. Flags are 0/1; `totp_secret` is encrypted. */
export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  full_name: string | null;
  email_verified: number;
  totp_enabled: number;
  totp_secret: string | null;
  is_active: number;
  is_locked: number;
  locked_until: string | null;
  failed_login_attempts: number;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

/** How the configured admin is set up at start. `totpSecret` undefined leaves 2FA as it is. */
export interface AdminAccount {
  email: string;
  passwordHash: string;
  /** Encrypted base32 secret to turn 2FA on with; undefined leaves 2FA unchanged. */
  encryptedTotpSecret?: string;
}

/** The number of failed logins in a row that locks an account (the 5th one locks). */
export const LOCKOUT_THRESHOLD = 5;

/** Data access for dashboard users. */
export class UsersRepository {
  readonly #byEmail: Statement;
  readonly #byId: Statement;
  readonly #insert: Statement;
  readonly #updateAdmin: Statement;
  readonly #enableTotp: Statement;
  readonly #recordFailure: Statement;
  readonly #unlock: Statement;
  readonly #recordSuccess: Statement;

  constructor(db: SqliteDatabase) {
    this.#byEmail = db.prepare('SELECT * FROM dashboard_users WHERE email = ?');
    this.#byId = db.prepare('SELECT * FROM dashboard_users WHERE id = ?');
    this.#insert = db.prepare(`INSERT INTO dashboard_users
        (id, email, password_hash, email_verified, created_at, updated_at)
      VALUES (?, ?, ?, 1, ?, ?)`);
    this.#updateAdmin = db.prepare(`UPDATE dashboard_users SET
        password_hash = ?, is_active = 1, is_locked = 0, locked_until = NULL, failed_login_attempts = 0, updated_at = ?
      WHERE id = ?`);
    this.#enableTotp = db.prepare(
      'UPDATE dashboard_users SET totp_enabled = 1, totp_secret = ?, updated_at = ? WHERE id = ?',
    );
    this.#recordFailure = db.prepare(`UPDATE dashboard_users SET
        is_locked = CASE WHEN failed_login_attempts >= ${LOCKOUT_THRESHOLD - 1} THEN 1 ELSE 0 END,
        locked_until = CASE WHEN failed_login_attempts >= ${LOCKOUT_THRESHOLD - 1} THEN ? ELSE locked_until END,
        failed_login_attempts = failed_login_attempts + 1
      WHERE id = ?`);
    this.#unlock = db.prepare(`UPDATE dashboard_users SET
        is_locked = 0, locked_until = NULL, failed_login_attempts = 0, updated_at = ?
      WHERE id = ?`);
    this.#recordSuccess = db.prepare(`UPDATE dashboard_users SET
        failed_login_attempts = 0, locked_until = NULL, last_login_at = ?
      WHERE id = ?`);
  }

  /** The user with exactly this email (case-sensitive, as upstream). */
  findByEmail(email: string): UserRow | undefined {
    return this.#byEmail.get(email) as UserRow | undefined;
  }

  /** The user with this canonical id. */
  findById(id: string): UserRow | undefined {
    return this.#byId.get(id) as UserRow | undefined;
  }

  /** Creates the admin, or resets its password and lock; turns 2FA on when a secret is given. */
  upsertAdmin(account: AdminAccount, now: string): UserRow {
    const existing = this.findByEmail(account.email);
    let id: string;
    if (existing) {
      id = existing.id;
      this.#updateAdmin.run(account.passwordHash, now, id);
    } else {
      id = randomUUID();
      this.#insert.run(id, account.email, account.passwordHash, now, now);
    }
    if (account.encryptedTotpSecret !== undefined) this.#enableTotp.run(account.encryptedTotpSecret, now, id);
    const row = this.findById(id);
    if (!row) throw new Error('the admin user vanished after it was written');
    return row;
  }

  /** Counts a failed login; the 5th failure in a row locks the account until `lockUntil`. */
  recordFailure(id: string, lockUntil: string): void {
    this.#recordFailure.run(lockUntil, id);
  }

  /** Lifts an expired lock. */
  unlock(id: string, now: string): void {
    this.#unlock.run(now, id);
  }

  /** Resets the failure count and stamps the login time. */
  recordSuccess(id: string, now: string): void {
    this.#recordSuccess.run(now, id);
  }
}
