/**
 * A running server refuses a service key once it is revoked (by the CLI, in
 * the same data folder, while the server runs), expired or disabled, with
 * the contract's single answer for a key that fails, `401 Invalid service
 * key` (§3.1, §3.4), from the very next request on.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createKeyWith, runKeys } from './keyCommandRunner';
import { send, startTestServer, TestServer } from './serverHarness';

const BAD_KEY = '{"error":"Invalid service key"}';

describe('server: revoked, expired and disabled service keys', function () {
  this.timeout(30_000);
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(() => server.close());

  const list = (key: string) => send(server.url, 'GET', '/api/v1/secrets', { headers: { 'X-Service-Key': key } });
  const create = (key: string, name: string) =>
    send(server.url, 'POST', '/api/v1/secrets', { headers: { 'X-Service-Key': key }, json: { name, value: 'v' } });

  it('a key revoked by `keys revoke` while the server runs is refused from the next request on', async () => {
    const { key, id } = createKeyWith(server.dataDir, ['--scopes', 'read:secrets,write:secrets']);
    // Several accepted requests first, so a key remembered after verification would be served from memory.
    for (let i = 0; i < 3; i++) assert.equal((await list(key)).status, 200);
    assert.equal((await create(key, 'BEFORE')).status, 201);
    const revoke = runKeys(['revoke', '--data', server.dataDir, id], server.clock.read);
    assert.equal(revoke.code, 0, revoke.err);
    for (const response of [await list(key), await create(key, 'AFTER'), await list(key)]) {
      assert.equal(response.status, 401);
      assert.equal(response.text, BAD_KEY);
    }
  });

  it('revoking one key by name leaves the server accepting the others', async () => {
    const revoked = createKeyWith(server.dataDir, ['--scopes', '*', '--name', 'old']);
    const kept = createKeyWith(server.dataDir, ['--scopes', '*', '--name', 'new']);
    assert.equal((await list(revoked.key)).status, 200);
    assert.equal(runKeys(['revoke', '--data', server.dataDir, 'old']).code, 0);
    assert.equal((await list(revoked.key)).text, BAD_KEY);
    assert.equal((await list(kept.key)).status, 200);
  });

  it('an expiring key works until its expiry and is refused from that instant on, even right after a success', async () => {
    const { key } = createKeyWith(server.dataDir, ['--scopes', '*', '--expires', '1h'], server.clock.read);
    assert.equal((await list(key)).status, 200);
    server.clock.advanceSeconds(3599);
    assert.equal((await list(key)).status, 200);
    server.clock.advanceSeconds(1);
    const response = await list(key);
    assert.equal(response.status, 401);
    assert.equal(response.text, BAD_KEY);
  });

  it('a key whose row is disabled (enabled = 0, as upstream can) is refused with the same answer', async () => {
    const { key, id } = createKeyWith(server.dataDir, ['--scopes', '*']);
    assert.equal((await list(key)).status, 200);
    const db = new Database(join(server.dataDir, 'fluxbase.db'));
    try {
      db.prepare('UPDATE service_keys SET enabled = 0 WHERE id = ?').run(id);
    } finally {
      db.close();
    }
    const response = await list(key);
    assert.equal(response.status, 401);
    assert.equal(response.text, BAD_KEY);
  });
});
