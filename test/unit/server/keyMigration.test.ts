/**
 * Data folders written before keys could be revoked (service_keys without a
 * revoked_at column) keep working: opening one adds the column, and its old
 * keys still authenticate, list and revoke.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateServiceKey, hashServiceKey, SERVICE_KEY_LOOKUP_LENGTH } from '../../../server/auth/serviceKeys';
import { openDatabase } from '../../../server/storage/database';
import { runKeys } from './keyCommandRunner';
import { removeDir, send, startTestServer, tempDir } from './serverHarness';

/** service_keys as the first release created it. */
const OLD_SERVICE_KEYS_SQL = `
CREATE TABLE service_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key_prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  scopes TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  expires_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX idx_service_keys_prefix ON service_keys (key_prefix);
`;

const OLD_KEY_ID = '11111111-2222-4333-8444-555555555555';

/** A data folder holding an old-schema database with one read+write key; returns the key. */
function writeOldDataFolder(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'fluxbase.db'));
  try {
    db.exec(OLD_SERVICE_KEYS_SQL);
    const key = generateServiceKey();
    db.prepare('INSERT INTO service_keys VALUES (?, ?, ?, ?, ?, 1, NULL, ?)').run(
      OLD_KEY_ID,
      'old',
      key.slice(0, SERVICE_KEY_LOOKUP_LENGTH),
      hashServiceKey(key),
      '["read:secrets","write:secrets"]',
      '2025-06-01T00:00:00.000000Z',
    );
    return key;
  } finally {
    db.close();
  }
}

function columns(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'fluxbase.db'), { readonly: true });
  try {
    return (db.prepare('PRAGMA table_info(service_keys)').all() as { name: string }[]).map((column) => column.name);
  } finally {
    db.close();
  }
}

describe('server: service keys in a data folder of the previous version', function () {
  this.timeout(30_000);
  let dataDir: string;

  beforeEach(() => {
    dataDir = tempDir();
  });
  afterEach(() => removeDir(dataDir));

  it('the server starts on it, adds revoked_at, accepts the old key, and refuses it once revoked', async () => {
    const key = writeOldDataFolder(dataDir);
    assert.ok(!columns(dataDir).includes('revoked_at'));
    const server = await startTestServer({ dataDir });
    try {
      assert.ok(columns(dataDir).includes('revoked_at'));
      const list = () => send(server.url, 'GET', '/api/v1/secrets', { headers: { 'X-Service-Key': key } });
      assert.equal((await list()).status, 200);
      const created = await send(server.url, 'POST', '/api/v1/secrets', {
        headers: { 'X-Service-Key': key },
        json: { name: 'AFTER_MIGRATION', value: 'v' },
      });
      assert.equal(created.status, 201);
      assert.equal(runKeys(['revoke', '--data', dataDir, 'old']).code, 0);
      assert.equal((await list()).text, '{"error":"Invalid service key"}');
    } finally {
      await server.close();
    }
  });

  it('keys list on it shows the old key as active and never revoked', () => {
    writeOldDataFolder(dataDir);
    const run = runKeys(['list', '--data', dataDir]);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(run.out.trim().split('\n')[1]?.split('\t'), [
      OLD_KEY_ID,
      'old',
      'read:secrets,write:secrets',
      '2025-06-01T00:00:00Z',
      'never',
      '-',
      'active',
    ]);
  });

  it('opening a migrated folder again changes nothing', () => {
    writeOldDataFolder(dataDir);
    openDatabase(dataDir).close();
    const once = columns(dataDir);
    openDatabase(dataDir).close();
    assert.deepEqual(columns(dataDir), once);
    assert.equal(once.filter((name) => name === 'revoked_at').length, 1);
  });
});
