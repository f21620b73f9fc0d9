/**
 * The data folder is the server's alone (issue 12, item 10): mode 0700 on
 * every start, database files (db, -wal, -shm) mode 0600, and key files
 * refused, by name and with the command that fixes them, when another user
 * owns them or group/others may read or write them. The owner tests chown to
 * another uid, which needs root (the test machine runs the tests as root).
 */
import * as assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../server/storage/database';
import { RunningServer, startServer, StartServerOptions } from '../../../server/startServer';
import { createKey, removeDir, send, tempDir, TEST_ENCRYPTION_KEY } from './serverHarness';

const OTHER_UID = 4242;

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

function options(dataDir: string): StartServerOptions {
  return { dataDir, port: 0, log: () => undefined };
}

async function startAndStop(dataDir: string, encryptionKey?: string): Promise<void> {
  const running = await startServer({ ...options(dataDir), encryptionKey });
  await running.close();
}

/** Asserts that the start is refused with an error `check` accepts; a server that started anyway is closed. */
async function assertRefused(dataDir: string, check: (message: string) => void): Promise<void> {
  let running: RunningServer | undefined;
  try {
    running = await startServer(options(dataDir));
  } catch (error) {
    check((error as Error).message);
    return;
  }
  await running.close();
  assert.fail('the server started');
}

describe('server: data folder permissions', function () {
  this.timeout(30_000);
  let parent: string;
  let dataDir: string;

  beforeEach(() => {
    parent = tempDir();
    dataDir = join(parent, 'data');
  });
  afterEach(() => removeDir(parent));

  it('an existing folder is set to 0700 on every start', async () => {
    mkdirSync(dataDir, { mode: 0o777 });
    chmodSync(dataDir, 0o777);
    await startAndStop(dataDir, TEST_ENCRYPTION_KEY);
    assert.equal(mode(dataDir), 0o700);
    chmodSync(dataDir, 0o755);
    await startAndStop(dataDir, TEST_ENCRYPTION_KEY);
    assert.equal(mode(dataDir), 0o700);
  });

  it('database files are created 0600 (db, -wal, -shm) and set back to 0600 on start', async () => {
    const running = await startServer({ ...options(dataDir), encryptionKey: TEST_ENCRYPTION_KEY });
    try {
      const key = createKey(dataDir, 'write:secrets');
      const created = await send(running.url, 'POST', '/api/v1/secrets', {
        headers: { 'X-Service-Key': key },
        json: { name: 'PERMS', value: 'v' },
      });
      assert.equal(created.status, 201, created.text);
      for (const file of ['fluxbase.db', 'fluxbase.db-wal', 'fluxbase.db-shm']) {
        assert.equal(mode(join(dataDir, file)).toString(8), '600', file);
      }
    } finally {
      await running.close();
    }
    chmodSync(join(dataDir, 'fluxbase.db'), 0o644);
    openDatabase(dataDir).close();
    assert.equal(mode(join(dataDir, 'fluxbase.db')).toString(8), '600');
  });

  for (const file of ['encryption.key', 'jwt-secret']) {
    it(`refuses ${file} readable or writable by group or others, naming the file and the chmod`, async () => {
      await startAndStop(dataDir);
      const path = join(dataDir, file);
      for (const loose of [0o644, 0o620, 0o606]) {
        chmodSync(path, loose);
        await assertRefused(dataDir, (message) => {
          assert.ok(message.includes(`the key file ${path}`), message);
          assert.ok(message.includes(`chmod 600 '${path}'`), message);
        });
      }
      chmodSync(path, 0o600);
      await startAndStop(dataDir);
    });

    it(`refuses ${file} owned by another user, naming the file and the chown`, async () => {
      await startAndStop(dataDir);
      const path = join(dataDir, file);
      chownSync(path, OTHER_UID, OTHER_UID);
      await assertRefused(dataDir, (message) => {
        assert.ok(message.includes(`the key file ${path}: it is owned by uid ${OTHER_UID}`), message);
        assert.ok(message.includes(`chown ${process.getuid?.()} '${path}'`), message);
      });
    });
  }

  it('refuses a data folder owned by another user', async () => {
    mkdirSync(dataDir);
    chownSync(dataDir, OTHER_UID, OTHER_UID);
    await assertRefused(dataDir, (message) => assert.match(message, /the data folder .* is owned by uid 4242/));
  });

  it('refuses to start when the folder cannot be made 0700', async () => {
    // /proc/self is the current user's, mode 0555, and chmod on it fails even for root.
    await assertRefused('/proc/self', (message) => {
      assert.match(message, /^cannot make the data folder \/proc\/self private \(chmod 0700 failed: EPERM\)/);
      assert.ok(message.includes("chmod 700 '/proc/self'"), message);
    });
  });
});
