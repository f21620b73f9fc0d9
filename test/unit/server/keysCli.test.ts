/**
 * `keys create --expires`, `keys list` and `keys revoke` of the local
 * server's CLI, on a data folder without a running server: what they store,
 * what they print, and that bad input exits with 2 and changes nothing.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { storedTimeFromMicros } from '../../../server/goCompat/goTime';
import { SERVER_MAIN } from '../../support/serverProcess';
import { databaseSnapshot } from '../reliability/support/dataSnapshot';
import { createKeyWith, runKeys } from './keyCommandRunner';
import { ManualClock, removeDir, tempDir } from './serverHarness';

interface KeyColumns {
  key_prefix: string;
  key_hash: string;
  expires_at: string | null;
  revoked_at: string | null;
}

function storedKey(dataDir: string, id: string): KeyColumns {
  const db = new Database(join(dataDir, 'fluxbase.db'), { readonly: true });
  try {
    const row = db.prepare('SELECT * FROM service_keys WHERE id = ?').get(id) as KeyColumns | undefined;
    if (row === undefined) throw new Error(`no key ${id}`);
    return row;
  } finally {
    db.close();
  }
}

describe('server: keys create, list and revoke', function () {
  this.timeout(30_000);
  let dataDir: string;
  let clock: ManualClock;

  beforeEach(() => {
    dataDir = tempDir();
    clock = new ManualClock();
    clock.micros = Date.UTC(2026, 0, 1) * 1000;
  });
  afterEach(() => removeDir(dataDir));

  const listRows = (): string[][] => {
    const run = runKeys(['list', '--data', dataDir], clock.read);
    assert.equal(run.code, 0, run.err);
    return run.out
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'));
  };

  it('--expires takes a duration (30d, 12h, 1w, 1y) counted from now and stores that instant', () => {
    const cases: [string, string][] = [
      ['30d', '2026-01-31T00:00:00.000000Z'],
      ['12h', '2026-01-01T12:00:00.000000Z'],
      ['1w', '2026-01-08T00:00:00.000000Z'],
      ['1y', '2027-01-01T00:00:00.000000Z'],
    ];
    for (const [text, expected] of cases) {
      const { id } = createKeyWith(dataDir, ['--scopes', 'read:secrets', '--expires', text], clock.read);
      assert.equal(storedKey(dataDir, id).expires_at, expected, text);
    }
  });

  it('--expires takes an ISO time (UTC unless it names a zone); without --expires a key never expires', () => {
    const at = createKeyWith(dataDir, ['--scopes', '*', '--expires=2026-03-01T10:30+02:00'], clock.read);
    assert.equal(storedKey(dataDir, at.id).expires_at, '2026-03-01T08:30:00.000000Z');
    const never = createKeyWith(dataDir, ['--scopes', '*'], clock.read);
    assert.equal(storedKey(dataDir, never.id).expires_at, null);
    const note = runKeys(['create', '--data', dataDir, '--scopes', '*', '--expires', '1d'], clock.read).err;
    assert.match(note, /expires 2026-01-02T00:00:00Z/);
  });

  it('list shows id, name, scopes, created, expires, revoked and state, and never the key, its prefix or hash', () => {
    const ci = createKeyWith(
      dataDir,
      ['--scopes', 'read:secrets,write:secrets', '--name', 'ci', '--expires', '1h'],
      clock.read,
    );
    const run = runKeys(['list', '--data', dataDir], clock.read);
    assert.equal(run.code, 0);
    const stored = storedKey(dataDir, ci.id);
    for (const secret of [ci.key, stored.key_prefix, stored.key_hash, ci.key.slice(3, 19)]) {
      assert.ok(!run.out.includes(secret) && !run.err.includes(secret), 'list printed secret material');
    }
    assert.equal(run.out.split('\n')[0], 'ID\tNAME\tSCOPES\tCREATED\tEXPIRES\tREVOKED\tSTATE');
    assert.deepEqual(listRows(), [
      [ci.id, 'ci', 'read:secrets,write:secrets', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z', '-', 'active'],
    ]);
    clock.advanceSeconds(3600);
    assert.equal(listRows()[0]?.[6], 'expired');
  });

  it('revoke by id keeps the row, records when, says what it did; a second revoke changes nothing', () => {
    const { id } = createKeyWith(dataDir, ['--scopes', '*', '--name', 'laptop'], clock.read);
    clock.advanceSeconds(60);
    const run = runKeys(['revoke', '--data', dataDir, id], clock.read);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, new RegExp(`^Revoked service key "laptop" \\(id ${id}\\) at 2026-01-01T00:01:00Z`));
    assert.equal(storedKey(dataDir, id).revoked_at, '2026-01-01T00:01:00.000000Z');
    assert.deepEqual(listRows()[0]?.slice(5), ['2026-01-01T00:01:00Z', 'revoked']);
    clock.advanceSeconds(60);
    const again = runKeys(['revoke', '--data', dataDir, id], clock.read);
    assert.equal(again.code, 0);
    assert.match(again.out, /already revoked at 2026-01-01T00:01:00Z; nothing changed/);
    assert.equal(storedKey(dataDir, id).revoked_at, '2026-01-01T00:01:00.000000Z');
  });

  it('revoke by name revokes the one unrevoked key of that name and leaves the others alone', () => {
    const old = createKeyWith(dataDir, ['--scopes', '*', '--name', 'ci'], clock.read);
    assert.equal(runKeys(['revoke', '--data', dataDir, 'ci'], clock.read).code, 0);
    const current = createKeyWith(dataDir, ['--scopes', '*', '--name', 'ci'], clock.read);
    const other = createKeyWith(dataDir, ['--scopes', '*', '--name', 'other'], clock.read);
    const run = runKeys(['revoke', '--data', dataDir, 'ci'], clock.read);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, new RegExp(`Revoked service key "ci" \\(id ${current.id}\\)`));
    assert.notEqual(storedKey(dataDir, old.id).revoked_at, null);
    assert.notEqual(storedKey(dataDir, current.id).revoked_at, null);
    assert.equal(storedKey(dataDir, other.id).revoked_at, null);
  });

  it('revoke by a name two unrevoked keys share: exit 2, lists their ids, revokes neither', () => {
    const first = createKeyWith(dataDir, ['--scopes', '*', '--name', 'shared'], clock.read);
    const second = createKeyWith(dataDir, ['--scopes', '*', '--name', 'shared'], clock.read);
    const before = databaseSnapshot(dataDir);
    const run = runKeys(['revoke', '--data', dataDir, 'shared'], clock.read);
    assert.equal(run.code, 2);
    assert.match(run.err, new RegExp(`2 keys are named "shared"; revoke one by id: ${first.id}, ${second.id}`));
    assert.equal(databaseSnapshot(dataDir), before);
  });

  it('bad input (unknown flag, bad or past --expires, unknown id, missing argument) exits 2 with a clear message and changes nothing', () => {
    createKeyWith(dataDir, ['--scopes', '*'], clock.read);
    const before = databaseSnapshot(dataDir);
    const cases: [string[], RegExp][] = [
      [['create', '--data', dataDir, '--scopes', '*', '--colour', 'red'], /^Error: unknown option --colour\nUsage:/],
      [
        ['create', '--data', dataDir, '--scopes', '*', '--expires', '30 days'],
        /^Error: --expires: "30 days" is not an expiry/,
      ],
      [
        ['create', '--data', dataDir, '--scopes', '*', '--expires', '0d'],
        /^Error: --expires: A duration must be longer than zero/,
      ],
      [
        ['create', '--data', dataDir, '--scopes', '*', '--expires', '2025-01-01'],
        /^Error: --expires: 2025-01-01T00:00:00.000Z is not in the future/,
      ],
      [['create', '--data', dataDir, '--scopes', '*', '--expires'], /^Error: --expires needs a value/],
      [['create', '--data', dataDir, '--scopes', ','], /^Error: --scopes needs at least one scope/],
      [['create', '--data', dataDir], /^Error: keys create needs --scopes/],
      [['list', '--data', dataDir, '--scopes', '*'], /^Error: unknown option --scopes/],
      [
        ['revoke', '--data', dataDir, '00000000-0000-4000-8000-000000000000'],
        /^Error: no service key has the id or name "00000000-0000-4000-8000-000000000000"/,
      ],
      [['revoke', '--data', dataDir], /^Error: keys revoke needs the id or name of a key/],
      [['revoke', '--data', dataDir, 'a', 'b'], /^Error: unexpected argument "b"/],
      [['rotate', '--data', dataDir], /^Error: keys needs a subcommand: create, list or revoke/],
    ];
    for (const [argv, message] of cases) {
      const run = runKeys(argv, clock.read);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.err, message);
      assert.equal(run.out, '', argv.join(' '));
    }
    assert.equal(databaseSnapshot(dataDir), before);
  });

  it('the server process exits with code 2 on bad key input, and 0 after a revoke', () => {
    const { id } = createKeyWith(dataDir, ['--scopes', '*']);
    const keys = (...argv: string[]) =>
      spawnSync(process.execPath, [SERVER_MAIN, 'keys', ...argv], { encoding: 'utf8' });
    const unknown = keys('revoke', '--data', dataDir, 'nobody');
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^Error: no service key has the id or name "nobody"/);
    assert.equal(keys('create', '--data', dataDir, '--scopes', '*', '--expires', 'soon').status, 2);
    const revoked = keys('revoke', '--data', dataDir, id);
    assert.equal(revoked.status, 0, revoked.stderr);
    assert.match(revoked.stdout, /^Revoked service key "local"/);
  });

  it('list and revoke on a folder without data exit 2 and create nothing', () => {
    const missing = join(dataDir, 'typo');
    for (const argv of [
      ['list', '--data', missing],
      ['revoke', '--data', missing, 'ci'],
    ]) {
      const run = runKeys(argv, clock.read);
      assert.equal(run.code, 2);
      assert.match(run.err, /^Error: no Fluxbase data in ".*typo" \(no fluxbase\.db\); check --data/);
    }
    assert.equal(existsSync(missing), false);
  });

  it("the stored expiry is the command clock's instant, to the millisecond, plus the duration", () => {
    clock.micros += 123_456;
    const { id } = createKeyWith(dataDir, ['--scopes', '*', '--expires', '1h'], clock.read);
    // The shared parser works in milliseconds: the sub-millisecond part of now is dropped.
    assert.equal(storedKey(dataDir, id).expires_at, storedTimeFromMicros(Date.UTC(2026, 0, 1, 1) * 1000 + 123_000));
  });
});
