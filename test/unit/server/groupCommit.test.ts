/**
 * Group commit: writes submitted in one event-loop turn share one transaction,
 * each in its own savepoint, and are acknowledged only after the commit.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE, openDatabase, SqliteDatabase } from '../../../server/storage/database';
import { GroupCommit } from '../../../server/storage/groupCommit';
import { CreateResult, NewSecret, SecretsRepository } from '../../../server/storage/secretsRepository';
import { createKey, removeDir, send, startTestServer, tempDir, TestServer } from './serverHarness';

const NOW = '2026-01-01T00:00:00.000000Z';

function secret(name: string): NewSecret {
  return {
    name,
    scope: 'global',
    namespace: null,
    encryptedValue: 'ciphertext',
    description: null,
    expiresAt: null,
    createdBy: null,
  };
}

describe('server: group commit of concurrent writes', function () {
  this.timeout(30_000);

  describe('GroupCommit over the repository', () => {
    let dataDir: string;
    let db: SqliteDatabase;
    let observer: Database.Database;
    let repository: SecretsRepository;
    let groupCommit: GroupCommit;

    const committedNames = (): string[] =>
      (observer.prepare('SELECT name FROM secrets ORDER BY name').pluck().all() as string[]).slice();
    const historyRows = (): number => observer.prepare('SELECT COUNT(*) FROM secret_versions').pluck().get() as number;

    beforeEach(() => {
      dataDir = tempDir();
      db = openDatabase(dataDir);
      observer = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
      repository = new SecretsRepository(db);
      groupCommit = new GroupCommit(db);
    });
    afterEach(() => {
      observer.close();
      if (db.open) db.close();
      removeDir(dataDir);
    });

    it('runs the writes of one turn in one transaction, rolls back only the failing one, commits the others', async () => {
      const seenByOthersDuringBatch: string[][] = [];
      const create = (name: string): Promise<CreateResult> =>
        groupCommit.run(() => repository.create(secret(name), NOW));
      const writes = [
        create('A'),
        create('B'),
        groupCommit.run(() => {
          repository.create(secret('C'), NOW);
          throw new Error('this write fails after its insert');
        }),
        create('A'),
        groupCommit.run(() => {
          seenByOthersDuringBatch.push(committedNames());
          return repository.create(secret('D'), NOW);
        }),
      ];
      assert.deepEqual(committedNames(), [], 'nothing runs before the end of the turn');

      const settled = await Promise.allSettled(writes);

      assert.deepEqual(seenByOthersDuringBatch, [[]], 'A and B are not committed while the batch is still running');
      assert.equal(settled[0]?.status, 'fulfilled');
      assert.equal(settled[1]?.status, 'fulfilled');
      assert.equal(settled[2]?.status, 'rejected');
      assert.deepEqual(settled[3], { status: 'fulfilled', value: { kind: 'conflict' } });
      assert.equal(settled[4]?.status, 'fulfilled');
      assert.deepEqual(committedNames(), ['A', 'B', 'D'], 'the failing write left no row; the others are committed');
      assert.equal(historyRows(), 3, 'each committed create has its version-1 history row, the failed one none');
    });

    it('acknowledges writes only once committed: they survive closing and reopening the database', async () => {
      const created = await Promise.all(
        ['X', 'Y', 'Z'].map((name) => groupCommit.run(() => repository.create(secret(name), NOW))),
      );
      assert.ok(created.every((result) => result.kind === 'created'));
      db.close();
      const reopened = openDatabase(dataDir);
      try {
        const names = reopened.prepare('SELECT name FROM secrets ORDER BY name').pluck().all();
        assert.deepEqual(names, ['X', 'Y', 'Z']);
      } finally {
        reopened.close();
      }
    });

    it('rejects every write of a batch whose transaction SQLite rolled back, and stores none of them', async () => {
      const writes = [
        groupCommit.run(() => repository.create(secret('E'), NOW)),
        groupCommit.run(() => {
          db.exec('ROLLBACK');
          throw new Error('disk I/O error');
        }),
        groupCommit.run(() => repository.create(secret('F'), NOW)),
      ];
      const settled = await Promise.allSettled(writes);
      assert.deepEqual(
        settled.map((outcome) => outcome.status),
        ['rejected', 'rejected', 'rejected'],
      );
      assert.deepEqual(committedNames(), []);
    });

    it('flush() commits queued writes at once, so nothing queued is lost when the database closes', async () => {
      const pending = groupCommit.run(() => repository.create(secret('LATE'), NOW));
      groupCommit.flush();
      assert.deepEqual(committedNames(), ['LATE']);
      assert.equal((await pending).kind, 'created');
    });
  });

  describe('over HTTP', () => {
    let server: TestServer;
    let headers: Record<string, string>;

    before(async () => {
      server = await startTestServer();
      headers = { 'X-Service-Key': createKey(server.dataDir, '*') };
    });
    after(() => server.close());

    it('concurrent creates with one duplicate: exactly one 409 with its exact body, every other one 201 and listed', async () => {
      const names = ['G1', 'G2', 'G3', 'G1', 'G4', 'G5'];
      const responses = await Promise.all(
        names.map((name) => send(server.url, 'POST', '/api/v1/secrets', { headers, json: { name, value: 'v' } })),
      );
      const statuses = responses.map((response) => response.status);
      assert.deepEqual([...statuses].sort(), [201, 201, 201, 201, 201, 409]);
      const conflict = responses.find((response) => response.status === 409);
      assert.equal(conflict?.text, '{"error":"A secret with this name already exists in the specified scope"}');

      const list = (await send(server.url, 'GET', '/api/v1/secrets', { headers })).json as {
        name: string;
        id: string;
      }[];
      assert.deepEqual(list.map((item) => item.name).sort(), ['G1', 'G2', 'G3', 'G4', 'G5']);
      for (const item of list) {
        const versions = await send(server.url, 'GET', `/api/v1/secrets/${item.id}/versions`, { headers });
        assert.equal((versions.json as unknown[]).length, 1, `${item.name} has its history row`);
      }
    });

    it('sends cached list bodies with a byte-exact Content-Length, also for non-ASCII text', async () => {
      const created = await send(server.url, 'POST', '/api/v1/secrets', {
        headers,
        json: { name: 'UNICODE', value: 'v', description: 'café ☕ 日本' },
      });
      assert.equal(created.status, 201);
      const first = await send(server.url, 'GET', '/api/v1/secrets', { headers });
      const second = await send(server.url, 'GET', '/api/v1/secrets', { headers });
      for (const response of [first, second]) {
        assert.equal(response.headers['content-length'], String(Buffer.byteLength(response.text)));
        assert.equal(response.headers['content-type'], 'application/json');
      }
      assert.equal(second.text, first.text);
      const listed = (second.json as { name: string; description?: string }[]).find((item) => item.name === 'UNICODE');
      assert.equal(listed?.description, 'café ☕ 日本');
    });
  });
});
