/**
 * The writer thread: secrets writes are committed by their own connection in
 * another thread, in batches, and acknowledged only after their COMMIT; the
 * change count the read cache trusts grows only then.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { connectDatabase, DATABASE_FILE, openDatabase, SqliteDatabase } from '../../../server/storage/database';
import { ReadCache } from '../../../server/routes/readCache';
import { SecretsRepository } from '../../../server/storage/secretsRepository';
import { SecretWrites } from '../../../server/storage/secretWrites';
import { ThreadCommitter, writerThreadScript } from '../../../server/storage/threadCommitter';
import { createKey, removeDir, send, startTestServer, tempDir, TestServer } from './serverHarness';
import { NOW, secret } from './storedSecrets';

function script(): string {
  const found = writerThreadScript();
  assert.ok(found, 'the tsc build has writerThread.js next to threadCommitter.js');
  return found;
}

describe('server: writer thread', function () {
  this.timeout(30_000);

  describe('ThreadCommitter over a database', () => {
    let dataDir: string;
    let db: SqliteDatabase;
    let observer: Database.Database;
    let writes: SecretWrites;

    const committedNames = (): string[] =>
      (observer.prepare('SELECT name FROM secrets ORDER BY name').pluck().all() as string[]).slice();

    beforeEach(async () => {
      dataDir = tempDir();
      db = openDatabase(dataDir);
      observer = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
      writes = new SecretWrites(await ThreadCommitter.start(script(), join(dataDir, DATABASE_FILE)));
    });
    afterEach(async () => {
      await writes.close();
      observer.close();
      db.close();
      removeDir(dataDir);
    });

    it('acknowledges each write only once another connection can read it committed', async () => {
      const names = Array.from({ length: 40 }, (_, i) => `W${i}`);
      const seenAtAck: boolean[] = [];
      await Promise.all(
        names.map((name) =>
          writes.create(secret(name), NOW).then((result) => {
            assert.equal(result.kind, 'created');
            seenAtAck.push(committedNames().includes(name));
          }),
        ),
      );
      assert.deepEqual(
        seenAtAck,
        names.map(() => true),
      );
      assert.deepEqual(committedNames(), [...names].sort());
    });

    it('gives each write its own result: conflict, unknown id, update with its row, rollback, delete', async () => {
      const created = await writes.create(secret('A'), NOW);
      assert.equal(created.kind, 'created');
      const id = created.kind === 'created' ? created.id : '';
      const [duplicate, missing, updated] = await Promise.all([
        writes.create(secret('A'), NOW),
        writes.update('00000000-0000-0000-0000-000000000000', { description: 'x' }, null, NOW),
        writes.update(id, { encryptedValue: 'ciphertext 2', description: 'second' }, null, NOW),
      ]);
      assert.deepEqual(duplicate, { kind: 'conflict' });
      assert.equal(missing, undefined);
      assert.equal(updated?.row?.version, 2);
      assert.equal(updated?.row?.description, 'second');
      const rolledBack = await writes.rollback(id, 1n, null, NOW);
      assert.equal(rolledBack?.row?.version, 3);
      assert.equal(await writes.rollback(id, 9n, null, NOW), undefined);
      assert.equal(await writes.delete(id), true);
      assert.equal(await writes.delete(id), false);
      const history = observer.prepare('SELECT COUNT(*) FROM secret_versions').pluck().get();
      assert.equal(history, 0, 'the delete took the history with it (foreign keys on in the thread)');
    });

    it('makes a body cached while a write was on its way stale once the write is acknowledged', async () => {
      const repository = new SecretsRepository(db);
      const cache = new ReadCache(
        () => 0,
        () => writes.changeCount,
      );
      const pending = writes.create(secret('CACHED'), NOW);
      // A list read on this thread while the thread commits: it may not hold the write yet.
      cache.set('list', Buffer.from(JSON.stringify(repository.list(NOW, '', '').map((row) => row.name))));
      await pending;
      assert.equal(cache.get('list'), undefined, 'the cached list predates the commit');
    });

    it('commits what was sent before close, then rejects later writes', async () => {
      const before = writes.create(secret('BEFORE'), NOW);
      const closed = writes.close();
      await assert.rejects(writes.create(secret('AFTER'), NOW), /closing/);
      await closed;
      assert.equal((await before).kind, 'created');
      assert.deepEqual(committedNames(), ['BEFORE']);
    });
  });

  it('opens every connection (the writer thread included) with WAL, synchronous = FULL and foreign keys', () => {
    const dataDir = tempDir();
    const prepared = openDatabase(dataDir);
    const second = connectDatabase(join(dataDir, DATABASE_FILE));
    try {
      for (const db of [prepared, second]) {
        assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
        assert.equal(db.pragma('synchronous', { simple: true }), 2, 'FULL: each COMMIT waits for its fsync');
        assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
      }
    } finally {
      second.close();
      prepared.close();
      removeDir(dataDir);
    }
  });

  it('fails to start, with the reason, when the thread cannot open the database', async () => {
    const dataDir = tempDir();
    try {
      await assert.rejects(
        ThreadCommitter.start(script(), join(dataDir, 'missing-folder', DATABASE_FILE)),
        /the writer thread cannot open the database/,
      );
    } finally {
      removeDir(dataDir);
    }
  });

  describe('over HTTP, both committers', () => {
    for (const commitOnMainThread of [false, true]) {
      describe(commitOnMainThread ? 'main thread' : 'writer thread', () => {
        let server: TestServer;
        let headers: Record<string, string>;

        before(async () => {
          server = await startTestServer({ commitOnMainThread });
          headers = { 'X-Service-Key': createKey(server.dataDir, '*') };
        });
        after(() => server.close());

        it('eight writers each find their own acknowledged create in the list they read next', async () => {
          // Lists are cached between writes: a stale cache would miss a writer's own secret.
          const missing: string[] = [];
          await Promise.all(
            Array.from({ length: 8 }, async (_, writer) => {
              for (let round = 0; round < 10; round++) {
                const name = `RYW_${writer}_${round}`;
                const created = await send(server.url, 'POST', '/api/v1/secrets', {
                  headers,
                  json: { name, value: 'v' },
                });
                assert.equal(created.status, 201);
                const list = (await send(server.url, 'GET', '/api/v1/secrets', { headers })).json as { name: string }[];
                if (!list.some((item) => item.name === name)) missing.push(name);
              }
            }),
          );
          assert.deepEqual(missing, []);
        });
      });
    }
  });
});
