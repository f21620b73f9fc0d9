/**
 * The lockout bookkeeping of UsersRepository, step by step, including the
 * orders that parallel requests can produce but HTTP tests cannot force: a
 * password whose hash was still being checked while wrong 2FA codes locked
 * the account must not lift that lock.
 */
import * as assert from 'node:assert/strict';
import { openDatabase, SqliteDatabase } from '../../../server/storage/database';
import { UsersRepository } from '../../../server/storage/usersRepository';
import { removeDir, tempDir } from './serverHarness';

const NOW = '2026-01-01 00:00:00.000000';
const LOCK_UNTIL = '2026-01-01 00:15:00.000000';

describe('server: lockout bookkeeping', () => {
  let dataDir: string;
  let db: SqliteDatabase;
  let users: UsersRepository;
  let id: string;

  beforeEach(() => {
    dataDir = tempDir();
    db = openDatabase(dataDir);
    users = new UsersRepository(db);
    id = users.upsertAdmin({ email: 'a@example.test', passwordHash: 'hash' }, NOW).id;
  });
  afterEach(() => {
    db.close();
    removeDir(dataDir);
  });

  const row = () => users.findById(id) as NonNullable<ReturnType<UsersRepository['findById']>>;

  it('the 5th reserved password attempt locks; a sign-in clears lock and counts', () => {
    for (let i = 0; i < 4; i++) users.reservePasswordAttempt(id, LOCK_UNTIL);
    assert.equal(row().is_locked, 0);
    users.reservePasswordAttempt(id, LOCK_UNTIL);
    assert.deepEqual([row().is_locked, row().locked_until], [1, LOCK_UNTIL]);
    users.recordSignIn(id, NOW, null);
    assert.deepEqual([row().is_locked, row().locked_until, row().failed_login_attempts], [0, null, 0]);
  });

  it('a correct password (2FA pending) does not lift a lock that wrong codes set, nor clear their count', () => {
    users.reservePasswordAttempt(id, LOCK_UNTIL);
    for (let i = 0; i < 5; i++) users.recordSecondFactorFailure(id, LOCK_UNTIL);
    users.recordPasswordSuccess(id);
    assert.deepEqual(
      [row().is_locked, row().locked_until, row().failed_login_attempts, row().second_factor_failures],
      [1, LOCK_UNTIL, 0, 5],
    );
  });

  it('a correct password lifts the lock its own reservation set', () => {
    for (let i = 0; i < 5; i++) users.reservePasswordAttempt(id, LOCK_UNTIL);
    users.recordPasswordSuccess(id);
    assert.deepEqual([row().is_locked, row().locked_until, row().failed_login_attempts], [0, null, 0]);
  });

  it('the accepted TOTP step is kept until a later one; a password-only sign-in leaves it', () => {
    users.recordSignIn(id, NOW, 1000);
    users.recordSignIn(id, NOW, null);
    assert.equal(row().last_totp_step, 1000);
    users.recordSignIn(id, NOW, 1001);
    assert.equal(row().last_totp_step, 1001);
  });

  it('a changed password hash raises the credentials epoch; the same hash does not', () => {
    assert.equal(row().credentials_epoch, 0);
    users.upsertAdmin({ email: 'a@example.test', passwordHash: 'hash' }, NOW);
    assert.equal(row().credentials_epoch, 0);
    users.upsertAdmin({ email: 'a@example.test', passwordHash: 'other hash' }, NOW);
    assert.equal(row().credentials_epoch, 1);
  });
});
