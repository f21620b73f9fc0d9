/**
 * The lockout holds against parallel logins (issue 12, item 6): each attempt
 * is counted before its password hash is checked, so a burst of wrong
 * passwords gets at most 5 hash evaluations and the right password sent
 * after them finds the account locked. Hash evaluations are counted at
 * `crypto.scrypt`, which the password module calls for each one, so the
 * count does not depend on timing.
 */
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ADMIN, answerOf, RawResponse, send, startTestServer, TestServer } from './serverHarness';

type Scrypt = (...args: unknown[]) => unknown;
const cryptoModule = createRequire(__filename)('node:crypto') as { scrypt: Scrypt };

/** Counts calls of crypto.scrypt until `restore`. */
function countScryptCalls(): { calls: () => number; restore: () => void } {
  const original = cryptoModule.scrypt;
  let calls = 0;
  cryptoModule.scrypt = (...args: unknown[]) => {
    calls++;
    return original.apply(cryptoModule, args);
  };
  return { calls: () => calls, restore: () => (cryptoModule.scrypt = original) };
}

const LOCKED = JSON.stringify({ code: 403, error: 'Account is locked due to too many failed login attempts' });
const WRONG = JSON.stringify({ code: 401, error: 'Invalid email or password' });

function login(server: TestServer, password: string): Promise<RawResponse> {
  return send(server.url, 'POST', '/dashboard/auth/login', { json: { email: ADMIN.email, password } });
}

function lockColumns(dataDir: string): { is_locked: number; locked_until: string | null } {
  const db = new Database(join(dataDir, 'fluxbase.db'), { readonly: true });
  try {
    return db.prepare('SELECT is_locked, locked_until FROM dashboard_users').get() as {
      is_locked: number;
      locked_until: string | null;
    };
  } finally {
    db.close();
  }
}

describe('server: parallel logins and the lockout', function () {
  this.timeout(120_000);
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ admin: ADMIN });
  });
  afterEach(() => server.close());

  it('200 parallel wrong passwords, then the right one: at most 5 hashes, no tokens', async () => {
    const counter = countScryptCalls();
    let responses: RawResponse[];
    try {
      const wrong = Array.from({ length: 200 }, (_, i) => login(server, `wrong ${i}`));
      const right = login(server, ADMIN.password);
      responses = await Promise.all([...wrong, right]);
    } finally {
      counter.restore();
    }
    const right = responses.at(-1) as RawResponse;
    assert.equal(answerOf(right), LOCKED);
    assert.ok(!responses.some((response) => response.text.includes('access_token')), 'no response has tokens');
    const wrongAnswers = responses.filter((response) => response.text === WRONG).length;
    const lockedAnswers = responses.filter((response) => response.text === LOCKED).length;
    assert.equal(wrongAnswers + lockedAnswers, 201, 'every answer is 401 wrong password or 403 locked');
    assert.ok(counter.calls() <= 5, `password hashes evaluated: ${counter.calls()}`);
    assert.equal(wrongAnswers, counter.calls());
  });

  it('the counter sees the hash of a single login (the count above is real)', async () => {
    const counter = countScryptCalls();
    try {
      assert.equal((await login(server, ADMIN.password)).status, 200);
    } finally {
      counter.restore();
    }
    assert.equal(counter.calls(), 1);
  });

  it('a success after 4 failures leaves no lock behind (no is_locked with locked_until NULL)', async () => {
    for (let i = 0; i < 4; i++) assert.equal(answerOf(await login(server, 'wrong')), WRONG);
    assert.equal((await login(server, ADMIN.password)).status, 200);
    assert.deepEqual(lockColumns(server.dataDir), { is_locked: 0, locked_until: null });
    assert.equal(answerOf(await login(server, 'wrong')), WRONG);
    assert.equal((await login(server, ADMIN.password)).status, 200);
  });
});
