/**
 * Encryption at rest (contract §2.3): a value written through the API is in
 * no file of the data folder in plain, base64 or hex form, and what is stored
 * is AES-256-GCM of the value under the configured key.
 */
import * as assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createKey, send, startTestServer, TEST_ENCRYPTION_KEY, TestServer } from './serverHarness';

const CANARY = 'CANARY-7f3c9b1e-do-not-store-me-in-plaintext';

function encodings(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  return [
    text,
    bytes.toString('base64'),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    Buffer.from(text, 'utf16le').toString('latin1'),
  ];
}

function decrypt(stored: string, key: string): string {
  const data = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key, 'utf8'), data.subarray(0, 12));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]).toString('utf8');
}

describe('server: encryption at rest', function () {
  this.timeout(30_000);
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
    const headers = { 'X-Service-Key': createKey(server.dataDir, '*') };
    const created = await send(server.url, 'POST', '/api/v1/secrets', {
      headers,
      json: { name: 'CANARY', value: CANARY },
    });
    assert.equal(created.status, 201);
    const id = (created.json as { id: string }).id;
    await send(server.url, 'PUT', `/api/v1/secrets/${id}`, { headers, json: { value: `${CANARY}-2` } });
    await send(server.url, 'POST', `/api/v1/secrets/${id}/rollback/1`, { headers });
  });
  after(() => server.close());

  it('the canary value is in no file of the data folder (db, -wal, -shm, keys) in any encoding', () => {
    const files = readdirSync(server.dataDir);
    assert.ok(
      files.some((file) => file.endsWith('-wal')),
      `expected a WAL file among ${files.join(', ')}`,
    );
    for (const file of files) {
      const content = readFileSync(join(server.dataDir, file)).toString('latin1');
      for (const form of encodings(CANARY)) {
        assert.ok(!content.includes(form), `${file} contains the canary as ${form}`);
      }
    }
  });

  it('stores base64(nonce ‖ AES-256-GCM ciphertext ‖ tag) under the raw key, a fresh nonce each time', async () => {
    await server.server.close();
    const db = new Database(join(server.dataDir, 'fluxbase.db'), { readonly: true });
    try {
      const current = db.prepare("SELECT encrypted_value FROM secrets WHERE name = 'CANARY'").pluck().get() as string;
      const history = db
        .prepare('SELECT encrypted_value FROM secret_versions ORDER BY version ASC')
        .pluck()
        .all() as string[];
      assert.equal(decrypt(current, TEST_ENCRYPTION_KEY), CANARY);
      assert.deepEqual(
        history.map((value) => decrypt(value, TEST_ENCRYPTION_KEY)),
        [CANARY, `${CANARY}-2`, CANARY],
      );
      assert.equal(history[2], history[0], 'a rollback copies the ciphertext');
      assert.notEqual(history[0], history[1]);
      assert.equal(Buffer.from(current, 'base64').length, 12 + Buffer.byteLength(CANARY) + 16);
    } finally {
      db.close();
    }
  });
});
