import * as assert from 'node:assert/strict';
import { createClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { answers, FaultyServer } from '../../support/faultyServer';
import { statsBody } from './fixtures';

describe('Connection pool: one keep-alive pool per client, closed by close()', () => {
  let server: FaultyServer;

  beforeEach(async () => {
    server = await FaultyServer.start((_request, response) => answers.json(response, 200, statsBody()));
  });

  afterEach(() => server.stop());

  it('reuses its keep-alive connections for sequential requests', async () => {
    const client = createClient({ url: server.url });
    try {
      for (let i = 0; i < 10; i++) {
        await client.secrets.stats();
      }
    } finally {
      await client.close();
    }

    const ports = new Set(server.requests.map((r) => r.remotePort));
    assert.equal(server.requests.length, 10);
    // undici may open a second socket while the first finishes its previous response; never one per request.
    assert.ok(ports.size <= 2, `10 requests used ${ports.size} connections`);
  });

  it('after close(), requests fail as network errors and close() can be called again', async () => {
    const client = createClient({ url: server.url, retry: { attempts: 0, baseDelayMs: 1 } });
    await client.secrets.stats();

    await client.close();
    await client.close();

    await assert.rejects(client.secrets.stats(), (error) => {
      assert.ok(FluxbaseApiError.is(error, 'network'));
      assert.match(error.message, /the client was closed$/);
      return true;
    });
  });
});
