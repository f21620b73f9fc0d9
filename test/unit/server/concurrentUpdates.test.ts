/** Concurrent writers of one secret: no lost update, no gap, no duplicate version. */
import * as assert from 'node:assert/strict';
import { createKey, send, startTestServer, TestServer } from './serverHarness';

describe('server: concurrent value updates', function () {
  this.timeout(30_000);
  let server: TestServer;
  let key: string;

  before(async () => {
    server = await startTestServer();
    key = createKey(server.dataDir, '*');
  });
  after(() => server.close());

  it('50 concurrent updates of one secret give versions 2..51 exactly once each', async () => {
    const headers = { 'X-Service-Key': key };
    const created = await send(server.url, 'POST', '/api/v1/secrets', { headers, json: { name: 'RACE', value: 'v0' } });
    const id = (created.json as { id: string }).id;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        send(server.url, 'PUT', `/api/v1/secrets/${id}`, { headers, json: { value: `v${i + 1}` } }),
      ),
    );
    assert.deepEqual(
      responses.map((r) => r.status),
      Array(50).fill(200),
    );
    const answered = responses.map((r) => (r.json as { version: number }).version).sort((a, b) => a - b);
    assert.deepEqual(
      answered,
      Array.from({ length: 50 }, (_, i) => i + 2),
    );
    const versions = (await send(server.url, 'GET', `/api/v1/secrets/${id}/versions`, { headers })).json as {
      version: number;
    }[];
    assert.deepEqual(
      versions.map((v) => v.version),
      Array.from({ length: 51 }, (_, i) => 51 - i),
    );
    const current = (await send(server.url, 'GET', `/api/v1/secrets/${id}`, { headers })).json as { version: number };
    assert.equal(current.version, 51);
  });
});
