/**
 * Dashboard users (the admins that log in through /dashboard/auth), with the
 * lockout bookkeeping of upstream's `DashboardAuthService.Login`, made safe
 * against parallel attempts: a password attempt is counted as a failure
 * before its hash is checked (a correct password takes it back), and wrong
 * 2FA codes are counted apart, cleared only by a completed sign-in. Either
 * count reaching 5 locks the account.
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
  second_factor_failures: number;
  last_totp_step: number | null;
  credentials_epoch: number;
}

/** How the configured admin is set up at start. `totpSecret` undefined leaves 2FA as it is. */
export interface AdminAccount {
  email: string;
  /** The stored hash when the password is unchanged (the epoch then stays), else a new one. */
  passwordHash: string;
  /** Encrypted base32 secret to turn 2FA on with; undefined leaves 2FA unchanged. */
  encryptedTotpSecret?: string;
}

/** The number of failed logins in a row that locks an account (the 5th one locks). */
export const LOCKOUT_THRESHOLD = 5;

const LAST = LOCKOUT_THRESHOLD - 1;

/** Data access for dashboard users. */
export class UsersRepository {
  readonly #byEmail: Statement;
  readonly #byId: Statement;
  readonly #insert: Statement;
  readonly #updateAdmin: Statement;
  readonly #enableTotp: Statement;
  readonly #reservePasswordAttempt: Statement;
  readonly #recordSecondFactorFailure: Statement;
  readonly #unlock: Statement;
  readonly #recordPasswordSuccess: Statement;
  readonly #recordSignIn: Statement;
  readonly #activeOthers: Statement;
  readonly #deactivate: Statement;

  constructor(db: SqliteDatabase) {
    this.#byEmail = db.prepare('SELECT * FROM dashboard_users WHERE email = ?');
    this.#byId = db.prepare('SELECT * FROM dashboard_users WHERE id = ?');
    this.#insert = db.prepare(`INSERT INTO dashboard_users
        (id, email, password_hash, email_verified, created_at, updated_at)
      VALUES (?, ?, ?, 1, ?, ?)`);
    this.#updateAdmin = db.prepare(`UPDATE dashboard_users SET
        credentials_epoch = credentials_epoch + CASE WHEN password_hash = @hash THEN 0 ELSE 1 END,
        password_hash = @hash, is_active = 1, is_locked = 0, locked_until = NULL, failed_login_attempts = 0,
        second_factor_failures = 0, updated_at = @now
      WHERE id = @id`);
    this.#enableTotp = db.prepare(
      'UPDATE dashboard_users SET totp_enabled = 1, totp_secret = ?, updated_at = ? WHERE id = ?',
    );
    this.#reservePasswordAttempt = db.prepare(`UPDATE dashboard_users SET
        is_locked = CASE WHEN failed_login_attempts >= ${LAST} THEN 1 ELSE is_locked END,
        locked_until = CASE WHEN failed_login_attempts >= ${LAST} THEN ? ELSE locked_until END,
        failed_login_attempts = failed_login_attempts + 1
      WHERE id = ?`);
    this.#recordSecondFactorFailure = db.prepare(`UPDATE dashboard_users SET
        is_locked = CASE WHEN second_factor_failures >= ${LAST} THEN 1 ELSE is_locked END,
        locked_until = CASE WHEN second_factor_failures >= ${LAST} THEN ? ELSE locked_until END,
        second_factor_failures = second_factor_failures + 1
      WHERE id = ?`);
    this.#unlock = db.prepare(`UPDATE dashboard_users SET
        is_locked = 0, locked_until = NULL, failed_login_attempts = 0, second_factor_failures = 0, updated_at = ?
      WHERE id = ?`);
    // A lock that wrong 2FA codes set stays: the password alone does not lift it.
    this.#recordPasswordSuccess = db.prepare(`UPDATE dashboard_users SET
        is_locked = CASE WHEN second_factor_failures >= ${LOCKOUT_THRESHOLD} THEN is_locked ELSE 0 END,
        locked_until = CASE WHEN second_factor_failures >= ${LOCKOUT_THRESHOLD} THEN locked_until ELSE NULL END,
        failed_login_attempts = 0
      WHERE id = ?`);
    this.#recordSignIn = db.prepare(`UPDATE dashboard_users SET
        is_locked = 0, locked_until = NULL, failed_login_attempts = 0, second_factor_failures = 0,
        last_totp_step = COALESCE(?, last_totp_step), last_login_at = ?
      WHERE id = ?`);
    this.#activeOthers = db.prepare('SELECT email FROM dashboard_users WHERE id != ? AND is_active = 1');
    this.#deactivate = db.prepare(`UPDATE dashboard_users SET
        is_active = 0, credentials_epoch = credentials_epoch + 1, updated_at = ?
      WHERE id != ? AND is_active = 1`);
  }

  /** The user with exactly this email (case-sensitive, as upstream). */
  findByEmail(email: string): UserRow | undefined {
    return this.#byEmail.get(email) as UserRow | undefined;
  }

  /** The user with this canonical id. */
  findById(id: string): UserRow | undefined {
    return this.#byId.get(id) as UserRow | undefined;
  }

  /**
   * Creates the admin, or resets its password, lock and failure counts
   * (raising its credentials epoch when the hash changes); turns 2FA on when a
   * secret is given.
   */
  upsertAdmin(account: AdminAccount, now: string): UserRow {
    const existing = this.findByEmail(account.email);
    let id: string;
    if (existing) {
      id = existing.id;
      this.#updateAdmin.run({ hash: account.passwordHash, now, id });
    } else {
      id = randomUUID();
      this.#insert.run(id, account.email, account.passwordHash, now, now);
    }
    if (account.encryptedTotpSecret !== undefined) this.#enableTotp.run(account.encryptedTotpSecret, now, id);
    const row = this.findById(id);
    if (!row) throw new Error('the admin user vanished after it was written');
    return row;
  }

  /**
   * Deactivates every active user but `keepId` (users only ever come from the
   * configured admin, so these are the previously configured admins) and
   * raises their credentials epoch; returns their emails.
   */
  deactivateAllBut(keepId: string, now: string): string[] {
    const emails = (this.#activeOthers.all(keepId) as { email: string }[]).map((row) => row.email);
    if (emails.length > 0) this.#deactivate.run(now, keepId);
    return emails;
  }

  /**
   * Counts a password attempt as failed before its hash is checked, so
   * parallel attempts cannot all pass the lock check; the 5th in a row locks
   * the account until `lockUntil`. A correct password takes it back
   * (recordPasswordSuccess or recordSignIn).
   */
  reservePasswordAttempt(id: string, lockUntil: string): void {
    this.#reservePasswordAttempt.run(lockUntil, id);
  }

  /** Counts a wrong 2FA code; the 5th in a row locks the account until `lockUntil`. */
  recordSecondFactorFailure(id: string, lockUntil: string): void {
    this.#recordSecondFactorFailure.run(lockUntil, id);
  }

  /** Lifts an expired lock and clears both failure counts. */
  unlock(id: string, now: string): void {
    this.#unlock.run(now, id);
  }

  /** A correct password before the 2FA step: clears the password failures (not the 2FA ones). */
  recordPasswordSuccess(id: string): void {
    this.#recordPasswordSuccess.run(id);
  }

  /** A completed sign-in: clears both failure counts and the lock, stamps the time and the accepted TOTP step. */
  recordSignIn(id: string, now: string, totpStep: number | null): void {
    this.#recordSignIn.run(totpStep, now, id);
  }
}
