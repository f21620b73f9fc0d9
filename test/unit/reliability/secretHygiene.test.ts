/**
 * Secret hygiene through the layers (issue 9): the extension's API client
 * talks to a real server child process with a canary value, a canary
 * password, tokens and a service key, over the happy paths and the failing
 * ones (409, 400, 413, 401, a wrong password, a server killed mid-session).
 * None of them may appear in the server's log, the client's errors or log
 * lines, or the data folder's files in any encoding.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient, type FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { recordingLogger } from '../../support/mockApi';
import { startServerProcess } from '../../support/serverProcess';
import { createKey, removeDir, tempDir, TEST_ENCRYPTION_KEY } from '../server/serverHarness';
import { errorRenderings, leaksIn } from './support/sacredText';

const CANARY = 'canary-3b7e1d9a-value-that-must-never-show';
const CANARY_2 = 'canary-2-c41f0e6b-second-version-of-it';
const PASSWORD = 'canary-password-8d2f6a1c';
const ADMIN_EMAIL = 'hygiene@example.test';

/** What the flow left behind, gathered before the assertions run. */
interface Traces {
  serverOutput: string;
  clientLog: string[];
  errors: unknown[];
  /** File name → bytes: the data folder right after SIGKILL (WAL not checkpointed) and after a clean stop. */
  files: Map<string, Buffer>;
  sacred: string[];
}

async function failure(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  assert.fail('the call should have failed');
}

function snapshotFiles(dir: string, label: string, into: Map<string, Buffer>): void {
  for (const file of readdirSync(dir)) into.set(`${label}/${file}`, readFileSync(join(dir, file)));
}

describe('Secret hygiene through the layers (issue 9): canary values, passwords, tokens and keys', function () {
  this.timeout(60_000);
  let dataDir: string;
  const traces: Traces = { serverOutput: '', clientLog: [], errors: [], files: new Map(), sacred: [] };

  before(async () => {
    dataDir = tempDir('fluxbase-hygiene-');
    const serviceKey = createKey(dataDir, '*');
    const env = {
      FLUXBASE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      FLUXBASE_ADMIN_EMAIL: ADMIN_EMAIL,
      FLUXBASE_ADMIN_PASSWORD: PASSWORD,
      FLUXBASE_SERVER_BODY_LIMIT: '4096',
    };
    const server = await startServerProcess({ dataDir, env });
    const clients: FluxbaseClient[] = [];
    const client = (): FluxbaseClient => {
      const made = createClient({
        url: server.url,
        logger: recordingLogger(traces.clientLog),
        retry: { attempts: 0, baseDelayMs: 1 },
      });
      clients.push(made);
      return made;
    };

    const admin = client();
    const login = await admin.auth.login({ email: ADMIN_EMAIL, password: PASSWORD });
    assert.equal(login.requires2fa, false);
    const session = login.requires2fa ? undefined : login.session;
    const created = await admin.secrets.create({ name: 'HYGIENE', value: CANARY, description: 'canary carrier' });
    await admin.secrets.updateById(created.id, { value: CANARY_2 });
    await admin.secrets.rollbackById(created.id, 1);
    await admin.secrets.create({ name: 'HYGIENE_NS', value: CANARY, scope: 'namespace', namespace: 'hygiene' });
    const keyClient = client();
    keyClient.auth.useServiceKey(serviceKey);
    await keyClient.secrets.update('HYGIENE', { value: CANARY });
    await admin.auth.refresh();

    traces.errors.push(
      await failure(() => admin.secrets.create({ name: 'HYGIENE', value: CANARY })), // 409
      await failure(() => admin.secrets.create({ name: '', value: CANARY })), // 400
      await failure(() => admin.secrets.create({ name: 'BIG', value: `${CANARY}${'x'.repeat(5000)}` })), // 413
      await failure(() => admin.secrets.updateById('not-a-uuid', { value: CANARY })), // 400 id
      await failure(() => client().auth.login({ email: ADMIN_EMAIL, password: `${PASSWORD}-wrong` })), // 401
      await failure(() => {
        const stale = client();
        stale.auth.useAccessToken(`${session?.access_token ?? ''}x`);
        return stale.secrets.update('HYGIENE', { value: CANARY }); // 401
      }),
    );

    // Kill -9: the files as the crash left them (WAL with the newest frames), then the client's network errors.
    await server.kill();
    snapshotFiles(dataDir, 'after SIGKILL', traces.files);
    traces.errors.push(
      await failure(() => admin.secrets.create({ name: 'DOWN', value: CANARY })),
      await failure(() => keyClient.secrets.updateById(created.id, { value: CANARY })),
    );
    traces.serverOutput = server.output();

    // A clean restart and stop checkpoints the WAL into the main file.
    const again = await startServerProcess({ dataDir, env });
    traces.serverOutput += again.output();
    assert.equal(await again.stop(), 0);
    traces.serverOutput += again.output();
    snapshotFiles(dataDir, 'after a clean stop', traces.files);

    await Promise.all(clients.map((made) => made.close()));
    traces.sacred = [CANARY, CANARY_2, PASSWORD, serviceKey, session?.access_token ?? '', session?.refresh_token ?? ''];
    assert.ok(
      traces.sacred.every((text) => text.length >= 16),
      'every sacred string is long enough to search for',
    );
  });

  after(() => removeDir(dataDir));

  it('the server log (stdout and stderr of the process) never holds a value, the password, a token or the key', () => {
    assert.match(traces.serverOutput, /POST \/api\/v1\/secrets 201/, 'the requests were logged');
    assert.deepEqual(leaksIn(traces.serverOutput, traces.sacred), []);
  });

  it('no client error (message, server text, stack, inspect, JSON) holds a value, the password, a token or the key', () => {
    assert.equal(traces.errors.length, 8);
    for (const error of traces.errors) {
      assert.ok(FluxbaseApiError.is(error), String(error));
      for (const text of errorRenderings(error)) assert.deepEqual(leaksIn(text, traces.sacred), [], text.slice(0, 300));
    }
    assert.deepEqual(
      traces.errors.map((error) => (FluxbaseApiError.is(error) ? error.kind : 'other')),
      ['conflict', 'validation', 'validation', 'validation', 'auth', 'auth', 'network', 'network'],
    );
  });

  it('the client log lines never hold a value, the password, a token or the key', () => {
    assert.ok(traces.clientLog.length >= 10, 'the client logged its requests');
    assert.deepEqual(leaksIn(traces.clientLog.join('\n'), traces.sacred), []);
  });

  it('no file of the data folder holds a value, the password, a token or the key in plaintext, hex or base64', () => {
    assert.ok(
      [...traces.files.keys()].some((name) => name.endsWith('-wal')),
      'the WAL file was checked',
    );
    for (const [name, bytes] of traces.files) assert.deepEqual(leaksIn(bytes, traces.sacred), [], name);
  });
});
