/**
 * The `npm start` demo (issue 14): a workspace in the Fluxbase CLI's layout
 * (flat function files, a `_shared/` module, a jobs folder), whose functions
 * and jobs the demo server gets through the sync routes into billing,
 * notifications and default, the namespaces of the demo secrets.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoServer, type DemoServer } from '../../../../scripts/demo/demoServer';
import { readCliFolder } from '../../../../scripts/demo/demoRegistrySync';
import { DEMO_NAMESPACES } from '../../../../scripts/demo/demoSecrets';
import { SAMPLE_FUNCTION, writeDemoWorkspace } from '../../../../scripts/demo/demoWorkspace';
import { removeDir, send, tempDir } from '../serverHarness';

type Row = Record<string, unknown>;

describe('server: the demo workspace and its registered functions and jobs', function () {
  this.timeout(30_000);
  let folder: string;
  let demo: DemoServer;
  let headers: Record<string, string>;

  before(async () => {
    folder = tempDir('fluxbase-demo-');
    writeDemoWorkspace(join(folder, 'workspace'));
    demo = await startDemoServer({
      dataDir: join(folder, 'data'),
      logFile: join(folder, 'server.log'),
      workspace: join(folder, 'workspace'),
    });
    const login = await send(demo.server.url, 'POST', '/dashboard/auth/login', {
      json: { email: 'admin@example.com', password: 'fluxbase-demo' },
    });
    headers = { Authorization: `Bearer ${(login.json as { access_token: string }).access_token}` };
  });
  after(async () => {
    await demo?.server.close();
    removeDir(folder);
  });

  const get = async (path: string): Promise<unknown> => {
    const response = await send(demo.server.url, 'GET', path, { headers });
    assert.equal(response.status, 200, response.text);
    return response.json;
  };

  it('lays the workspace out as the CLI reads it: flat files, _shared/ beside them, a jobs folder', () => {
    const workspace = join(folder, 'workspace');
    assert.equal(SAMPLE_FUNCTION, join('fluxbase', 'functions', 'charge-customer.ts'));
    assert.ok(existsSync(join(workspace, SAMPLE_FUNCTION)));
    assert.ok(statSync(join(workspace, 'fluxbase', 'functions', '_shared', 'secrets.ts')).isFile());
    const functionDirs = readdirSync(join(workspace, 'fluxbase', 'functions'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    assert.deepEqual(functionDirs, ['_shared'], 'no {name}/index.ts folders: the CLI does not read them');
    assert.deepEqual(
      readCliFolder(join(workspace, 'fluxbase', 'jobs'))
        .map((job) => job.name)
        .sort(),
      ['daily-digest', 'reconcile-invoices'],
    );
  });

  it('registers the functions in billing, notifications and default (and _shared is not a function)', async () => {
    const list = (await get('/api/v1/functions')) as Row[];
    assert.deepEqual(
      list.map((fn) => `${String(fn.namespace)}/${String(fn.name)}`),
      ['billing/charge-customer', 'billing/refund-payment', 'default/health-check', 'notifications/send-receipt'],
    );
    assert.deepEqual(await get('/api/v1/admin/functions/namespaces'), {
      namespaces: ['billing', 'default', 'notifications'],
    });
    const health = (await get('/api/v1/functions/health-check')) as Row;
    assert.equal(health.allow_unauthenticated, true, 'the annotation is read by the server');
    const refund = (await get('/api/v1/functions/refund-payment')) as Row;
    assert.match(String(refund.code), /from "\.\/_shared\/secrets\.ts"/);
  });

  it('registers the jobs with their CLI-parsed schedules, in the same namespaces as the demo secrets', async () => {
    const jobs = (await get('/api/v1/admin/jobs/functions')) as Row[];
    assert.deepEqual(
      jobs.map((job) => [job.namespace, job.name, job.schedule]),
      [
        ['billing', 'reconcile-invoices', '0 2 * * *'],
        ['notifications', 'daily-digest', '0 8 * * *'],
      ],
    );
    assert.equal(jobs[0]?.timeout_seconds, 600);
    const namespaces = (await get('/api/v1/admin/jobs/namespaces')) as { namespaces: string[] };
    assert.deepEqual(namespaces.namespaces, [...DEMO_NAMESPACES]);
  });

  it("the editor's service key can read the functions list", async () => {
    const response = await send(demo.server.url, 'GET', '/api/v1/functions', {
      headers: { 'X-Service-Key': demo.serviceKey },
    });
    assert.equal(response.status, 200);
  });
});
