import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { answers, FaultyServer } from '../../support/faultyServer';
import { statsBody } from './fixtures';

const run = promisify(execFile);

/** Run in a fresh Node: whether undici is loaded after creating a client, and after its first request. */
const probe = `
const { createClient } = require(${JSON.stringify(join(__dirname, '../../../src/core/api/fluxbaseClient.js'))});
const undiciLoaded = () => Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/]undici[\\\\/]/.test(file));
const client = createClient({ url: process.argv[1], retry: { attempts: 0, baseDelayMs: 1 } });
const afterCreate = undiciLoaded();
client.secrets.stats().then(async () => {
  const afterRequest = undiciLoaded();
  await client.close();
  process.stdout.write(JSON.stringify({ afterCreate, afterRequest }));
});
`;

describe('Connection pool: undici is loaded on the first request, not with the client', () => {
  let server: FaultyServer;

  beforeEach(async () => {
    server = await FaultyServer.start((_request, response) => answers.json(response, 200, statsBody()));
  });

  afterEach(() => server.stop());

  it('creating a client loads no undici code; its first request does', async () => {
    const { stdout } = await run(process.execPath, ['-e', probe, server.url]);

    assert.deepEqual(JSON.parse(stdout), { afterCreate: false, afterRequest: true });
  });

  it('a client closed before its first request fails requests as network errors, without connecting', async () => {
    const client = createClient({ url: server.url, retry: { attempts: 0, baseDelayMs: 1 } });

    await client.close();

    await assert.rejects(client.secrets.stats(), (error) => {
      assert.ok(FluxbaseApiError.is(error, 'network'));
      assert.match(error.message, /the client was closed$/);
      return true;
    });
    assert.equal(server.requests.length, 0);
  });
});
