import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createClient, type FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { DrippingServer } from '../../support/drippingServer';
import { statsBody } from './fixtures';

const STATS = '/api/v1/secrets/stats';
const SECRETS = '/api/v1/secrets';

/** Waits until `condition` holds; fails after `attempts` checks 50 ms apart (a hang guard, not a timing assertion). */
async function until(what: string, condition: () => boolean, attempts = 100): Promise<void> {
  for (let attempt = 0; attempt < attempts && !condition(); attempt++) {
    await sleep(50);
  }
  assert.ok(condition(), `gave up waiting for ${what}`);
}

/** Rejects as a `timeout` that says no response came within the deadline. */
async function assertDeadline(attempt: Promise<unknown>, server: DrippingServer): Promise<void> {
  await assert.rejects(attempt, (error) => {
    assert.ok(FluxbaseApiError.is(error, 'timeout'), `got ${String(error)}`);
    assert.equal(error.message, `No response from ${server.url} within 300 ms`);
    return true;
  });
}

describe('Request deadline: a server that drips its answer cannot hold a request', () => {
  let server: DrippingServer;
  let client: FluxbaseClient;

  afterEach(async () => {
    // The server first: it ends every connection, so a request still held (without the deadline) cannot block close().
    await server?.stop();
    await client?.close();
  });

  it('a body dripped one byte per 50 ms, for ever, fails with timeout at the 300 ms deadline', async () => {
    server = await DrippingServer.start({ intervalMs: 50 });
    client = createClient({ url: server.url, timeoutMs: 300, retry: { attempts: 0, baseDelayMs: 1 } });

    await assertDeadline(client.secrets.list(), server);
  });

  it('the connection of a request past its deadline is closed, never reused; the next request gets another', async () => {
    server = await DrippingServer.start({ intervalMs: 50, prompt: { [STATS]: statsBody() } });
    client = createClient({ url: server.url, timeoutMs: 300, retry: { attempts: 0, baseDelayMs: 1 } });
    await client.secrets.stats();

    await assertDeadline(client.secrets.list(), server);
    const dripping = server.connectionOf(SECRETS);
    assert.ok(dripping, 'the dripped request was received');
    await until('the client to close the dripping connection', () => dripping.closed);
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(await client.secrets.stats(), statsBody());
    }

    assert.equal(dripping.targets.at(-1), SECRETS, 'nothing was sent on the timed-out connection after it');
    assert.ok(
      server.connections.every((connection) => connection === dripping || !connection.targets.includes(SECRETS)),
      'the timed-out request was sent once',
    );
  });
});
