/**
 * Crash safety: writes acknowledged by a server process survive a SIGKILL,
 * and every secret's version equals its newest history row after a restart.
 */
import * as assert from 'node:assert/strict';
import { startServerProcess } from '../../support/serverProcess';
import { createKey, removeDir, send, tempDir, TEST_ENCRYPTION_KEY } from './serverHarness';

describe('server: durability across SIGKILL', function () {
  this.timeout(60_000);
  let dataDir: string;

  beforeEach(() => {
    dataDir = tempDir();
  });
  afterEach(() => removeDir(dataDir));

  it('every acknowledged create, update, rollback and delete is there after kill -9 and restart', async () => {
    const env = { FLUXBASE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY };
    const key = createKey(dataDir, '*');
    const headers = { 'X-Service-Key': key };
    const first = await startServerProcess({ dataDir, env });

    const expected = new Map<string, number>();
    const deleted: string[] = [];
    for (let i = 0; i < 8; i++) {
      const created = await send(first.url, 'POST', '/api/v1/secrets', {
        headers,
        json: { name: `D${i}`, value: 'v' },
      });
      assert.equal(created.status, 201);
      expected.set((created.json as { id: string }).id, 1);
    }
    const ids = [...expected.keys()];
    // Eight writers at once, each updating its own secret a few times and one shared secret.
    const shared = ids[0] as string;
    await Promise.all(
      ids.map(async (id, writer) => {
        for (let round = 0; round < 3; round++) {
          const own = await send(first.url, 'PUT', `/api/v1/secrets/${id}`, {
            headers,
            json: { value: `w${writer}r${round}` },
          });
          assert.equal(own.status, 200);
          const mine = await send(first.url, 'PUT', `/api/v1/secrets/${shared}`, {
            headers,
            json: { value: `s${writer}` },
          });
          assert.equal(mine.status, 200);
        }
      }),
    );
    for (const id of ids) expected.set(id, (expected.get(id) ?? 0) + 3);
    expected.set(shared, (expected.get(shared) ?? 0) + 24);
    const rolled = await send(first.url, 'POST', `/api/v1/secrets/${ids[1]}/rollback/1`, { headers });
    assert.equal(rolled.status, 200);
    expected.set(ids[1] as string, (expected.get(ids[1] as string) ?? 0) + 1);
    const gone = ids[2] as string;
    assert.equal((await send(first.url, 'DELETE', `/api/v1/secrets/${gone}`, { headers })).status, 200);
    expected.delete(gone);
    deleted.push(gone);

    await first.kill();
    const second = await startServerProcess({ dataDir, env });
    try {
      const list = (await send(second.url, 'GET', '/api/v1/secrets', { headers })).json as {
        id: string;
        version: number;
      }[];
      assert.deepEqual(new Set(list.map((s) => s.id)), new Set(expected.keys()));
      for (const secret of list) {
        assert.equal(secret.version, expected.get(secret.id), secret.id);
        const versions = (await send(second.url, 'GET', `/api/v1/secrets/${secret.id}/versions`, { headers })).json as {
          version: number;
        }[];
        assert.equal(versions[0]?.version, secret.version);
        assert.equal(versions.length, secret.version);
      }
      for (const id of deleted) {
        assert.equal((await send(second.url, 'GET', `/api/v1/secrets/${id}/versions`, { headers })).text, '[]');
      }
    } finally {
      assert.equal(await second.stop(), 0);
    }
  });
});
