/**
 * Start-up: upstream's exact errors for a wrong key length (contract §2.3),
 * generated key files (mode 0600, never logged), the key check of an existing
 * data folder, environment errors, and the `keys` command.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runFailingServerProcess, SERVER_MAIN, startServerProcess } from '../../support/serverProcess';
import { startServer } from '../../../server/startServer';
import { removeDir, send, tempDir, TEST_ENCRYPTION_KEY } from './serverHarness';

describe('server: start-up', function () {
  this.timeout(60_000);
  let dataDir: string;

  beforeEach(() => {
    dataDir = tempDir();
  });
  afterEach(() => removeDir(dataDir));

  it('refuses a key that is not exactly 32 bytes, with upstream’s message', async () => {
    await assert.rejects(startServer({ dataDir, port: 0, encryptionKey: 'short', log: () => undefined }), {
      message: 'encryption_key must be exactly 32 bytes for AES-256, got 5 bytes',
    });
    await assert.rejects(startServer({ dataDir, port: 0, encryptionKey: 'é'.repeat(17), log: () => undefined }), {
      message: 'encryption_key must be exactly 32 bytes for AES-256, got 34 bytes',
    });
    await assert.rejects(startServer({ dataDir, port: 0, encryptionKey: '', log: () => undefined }), {
      message: 'encryption_key is required for AES-256 encryption (must be exactly 32 bytes)',
    });
  });

  it('counts bytes, not characters: 16 two-byte characters are a valid key', async () => {
    const running = await startServer({ dataDir, port: 0, encryptionKey: 'é'.repeat(16), log: () => undefined });
    await running.close();
  });

  it('the process exits with code 1 and the message on stderr for a wrong key length', async () => {
    const result = await runFailingServerProcess({ dataDir, env: { FLUXBASE_ENCRYPTION_KEY: 'x'.repeat(31) } });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /encryption_key must be exactly 32 bytes for AES-256, got 31 bytes/);
  });

  it('without a key, generates one into the data folder with mode 0600, logs that, never the key, and reuses it', async () => {
    const first = await startServerProcess({ dataDir });
    const key = readFileSync(join(dataDir, 'encryption.key'), 'utf8').trim();
    const jwtSecret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim();
    assert.equal(Buffer.byteLength(key), 32);
    assert.equal(statSync(join(dataDir, 'encryption.key')).mode & 0o777, 0o600);
    assert.equal(statSync(join(dataDir, 'jwt-secret')).mode & 0o777, 0o600);
    assert.match(first.output(), /Generated a new encryption key in .*encryption\.key/);
    assert.ok(!first.output().includes(key));
    assert.ok(!first.output().includes(jwtSecret));
    assert.equal(await first.stop(), 0);
    assert.match(first.output(), /Fluxbase server stopped/);

    const second = await startServerProcess({ dataDir });
    assert.match(second.output(), /Using the encryption key in/);
    assert.equal(readFileSync(join(dataDir, 'encryption.key'), 'utf8').trim(), key);
    assert.equal(await second.stop(), 0);
  });

  it('refuses to start on data written with another key', async () => {
    const running = await startServer({ dataDir, port: 0, encryptionKey: TEST_ENCRYPTION_KEY, log: () => undefined });
    await running.close();
    await assert.rejects(
      startServer({ dataDir, port: 0, encryptionKey: 'another-key-0123456789abcdefghij', log: () => undefined }),
      /the encryption key does not match/,
    );
  });

  it('refuses half an admin and a malformed TTL', async () => {
    const half = await runFailingServerProcess({ dataDir, env: { FLUXBASE_ADMIN_EMAIL: 'a@example.test' } });
    assert.equal(half.code, 1);
    assert.match(half.stderr, /FLUXBASE_ADMIN_EMAIL and FLUXBASE_ADMIN_PASSWORD must be set together/);
    const ttl = await runFailingServerProcess({ dataDir, env: { FLUXBASE_AUTH_ACCESS_TTL: '1h' } });
    assert.equal(ttl.code, 1);
    assert.match(ttl.stderr, /FLUXBASE_AUTH_ACCESS_TTL must be a positive integer/);
  });

  it('keys create prints only the key on stdout; the key works; keys list never shows it', async () => {
    const created = spawnSync(
      process.execPath,
      [SERVER_MAIN, 'keys', 'create', '--data', dataDir, '--scopes', 'read:secrets', '--name', 'ci'],
      { encoding: 'utf8' },
    );
    assert.equal(created.status, 0, created.stderr);
    const key = created.stdout.trim();
    assert.match(key, /^sk_[A-Za-z0-9_-]{43}$/);
    const listed = spawnSync(process.execPath, [SERVER_MAIN, 'keys', 'list', '--data', dataDir], { encoding: 'utf8' });
    assert.match(listed.stdout, /\tci\tread:secrets\t[^\t]+\tnever\t-\tactive\n/);
    assert.ok(!listed.stdout.includes(key.slice(0, 16)));
    const database = readFileSync(join(dataDir, 'fluxbase.db')).toString('latin1');
    assert.ok(!database.includes(key));

    const server = await startServerProcess({ dataDir, env: { FLUXBASE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY } });
    const response = await send(server.url, 'GET', '/api/v1/secrets', { headers: { 'X-Service-Key': key } });
    assert.equal(response.status, 200);
    assert.equal(await server.stop(), 0);
  });
});
