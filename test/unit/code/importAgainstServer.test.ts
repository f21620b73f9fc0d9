import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startServer, type RunningServer } from '../../../server/startServer';
import { createClient, type FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { parseEnvFile } from '../../../src/core/code/envFile';
import { planEnvImport } from '../../../src/core/code/importPlan';
import { runImport } from '../../../src/core/code/importRunner';

const admin = { email: 'code-import@example.com', password: 'code-import-password-1' };

describe('importing a .env file into the local server', () => {
  let dataDir: string;
  let server: RunningServer;
  let client: FluxbaseClient;

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fluxbase-code-import-'));
    server = await startServer({ dataDir, port: 0, admin, log: () => undefined });
    client = createClient({ url: server.url });
    await client.auth.login(admin);
  });

  after(async () => {
    await client?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the new keys and makes a new version of the existing one, with 8 writes in flight', async () => {
    const existing = await client.secrets.create({ name: 'KEY_0', value: 'old', scope: 'namespace', namespace: 'ns' });
    const lines = Array.from({ length: 30 }, (_, i) => `KEY_${i}="value ${i}"`);
    const target = { scope: 'namespace', namespace: 'ns' } as const;
    const plan = planEnvImport(
      parseEnvFile(`# generated\n${lines.join('\n')}\n`),
      await client.secrets.list(target),
      target,
    );
    const report = await runImport(plan, () => true, client.secrets, target, { concurrency: 8 });
    assert.deepEqual(report.failed, []);
    assert.equal(report.created.length, 29);
    assert.deepEqual(report.updated, ['KEY_0']);
    const listed = await client.secrets.list(target);
    assert.equal(listed.length, 30);
    assert.equal((await client.secrets.getById(existing.id)).version, 2);
    assert.ok(listed.every((secret) => secret.namespace === 'ns'));
  });
});
