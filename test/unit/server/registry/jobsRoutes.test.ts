/**
 * The job-function admin routes (contract part 3, §6): list (null when
 * empty, EU's orders, omitempty fields), get by namespace and name,
 * namespaces, and the jobs sync with its `jobs` key, `job` error items,
 * version + 1, annotation numbers, and the empty-`jobs` filesystem rule.
 */
import * as assert from 'node:assert/strict';
import { send } from '../serverHarness';
import { getJson, RegistryServer, startRegistryServer, syncJobs } from './registryHarness';

type Job = Record<string, unknown>;

const SUMMARY_ORDER = [
  'id',
  'name',
  'namespace',
  'description',
  'is_bundled',
  'bundle_error',
  'enabled',
  'schedule',
  'timeout_seconds',
  'memory_limit_mb',
  'max_retries',
  'progress_timeout_seconds',
  'allow_net',
  'allow_env',
  'allow_read',
  'allow_write',
  'require_roles',
  'disable_execution_logs',
  'version',
  'created_by',
  'source',
  'created_at',
  'updated_at',
];
const FULL_ORDER = [...SUMMARY_ORDER.slice(0, 4), 'code', 'original_code', ...SUMMARY_ORDER.slice(4)];

/** True when `keys` appear in the same relative order as in `order`. */
function inOrder(keys: string[], order: string[]): boolean {
  const positions = keys.map((key) => order.indexOf(key));
  return positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] as number)));
}

describe('server: job functions (contract part 3, §6)', function () {
  this.timeout(30_000);
  let rs: RegistryServer;

  beforeEach(async () => {
    rs = await startRegistryServer();
  });
  afterEach(() => rs.close());

  const getJob = async (ns: string, name: string): Promise<Job> =>
    (await getJson(rs, `/api/v1/admin/jobs/functions/${ns}/${name}`)) as Job;

  it('empty: the list is null, namespaces is ["default"], an unknown job is 404', async () => {
    assert.equal((await send(rs.url, 'GET', '/api/v1/admin/jobs/functions', { headers: rs.admin })).text, 'null');
    assert.equal(
      (await send(rs.url, 'GET', '/api/v1/admin/jobs/namespaces', { headers: rs.admin })).text,
      '{"namespaces":["default"]}',
    );
    const missing = await send(rs.url, 'GET', '/api/v1/admin/jobs/functions/default/nope', { headers: rs.admin });
    assert.equal(missing.status, 404);
    assert.equal(missing.text, '{"error":"Job function not found"}');
  });

  it('creates with defaults, omits empty optional fields, and keeps the struct order', async () => {
    const body = await syncJobs(rs, { namespace: 'ops', jobs: [{ name: 'cleanup', code: 'export default 1' }] });
    assert.equal(
      JSON.stringify(body),
      '{"details":{"created":["cleanup"],"deleted":[],"unchanged":[],"updated":[]},"dry_run":false,"errors":[],' +
        '"message":"Jobs synced successfully","namespace":"ops",' +
        '"summary":{"created":1,"deleted":0,"errors":0,"unchanged":0,"updated":0}}',
    );
    const [summary] = (await getJson(rs, '/api/v1/admin/jobs/functions')) as Job[];
    assert.ok(summary);
    assert.ok(inOrder(Object.keys(summary), SUMMARY_ORDER), Object.keys(summary).join());
    for (const key of ['description', 'bundle_error', 'schedule', 'require_roles', 'code', 'original_code']) {
      assert.equal(key in summary, false, key);
    }
    assert.deepEqual(
      [summary.is_bundled, summary.enabled, summary.timeout_seconds, summary.memory_limit_mb, summary.max_retries],
      [true, true, 300, 256, 0],
    );
    assert.deepEqual([summary.progress_timeout_seconds, summary.version, summary.source], [300, 1, 'api']);
    assert.equal(summary.created_by, rs.dashboardUserId);
    const full = await getJob('ops', 'cleanup');
    assert.ok(inOrder(Object.keys(full), FULL_ORDER), Object.keys(full).join());
    assert.deepEqual([full.code, full.original_code], ['export default 1', 'export default 1']);
  });

  it('a service_role caller leaves created_by out; require_roles and schedule come from the request', async () => {
    await syncJobs(
      rs,
      { jobs: [{ name: 'r', code: '// @fluxbase:schedule 0 2 * * *\nx', require_roles: ['admin', 'ops'] }] },
      rs.serviceRole,
    );
    const job = await getJob('default', 'r');
    assert.equal('created_by' in job, false);
    assert.equal('schedule' in job, false, 'the schedule annotation is ignored by sync');
    assert.deepEqual(job.require_roles, ['admin', 'ops']);
  });

  it('annotation numbers apply when the request has none; request values win', async () => {
    const code =
      '// @fluxbase:timeout 60\n// @fluxbase:memory 512\n// @fluxbase:max-retries 3\n// @fluxbase:progress-timeout 90\n';
    await syncJobs(rs, {
      jobs: [
        { name: 'annotated', code },
        { name: 'explicit', code, timeout_seconds: 7, max_retries: 1 },
        { name: 'from-original', code: 'bundled', original_code: '// @fluxbase:timeout 42', is_bundled: true },
      ],
    });
    const a = await getJob('default', 'annotated');
    assert.deepEqual(
      [a.timeout_seconds, a.memory_limit_mb, a.max_retries, a.progress_timeout_seconds],
      [60, 512, 3, 90],
    );
    const e = await getJob('default', 'explicit');
    assert.deepEqual([e.timeout_seconds, e.memory_limit_mb, e.max_retries], [7, 512, 1]);
    assert.equal((await getJob('default', 'from-original')).timeout_seconds, 42);
  });

  it('is_bundled: code without imports true (as EU with Deno), with imports as sent, is_pre_bundled accepted', async () => {
    await syncJobs(rs, {
      jobs: [
        { name: 'plain', code: 'export default 1' },
        { name: 'imports', code: 'import { a } from "./_shared/a.ts";' },
        { name: 'sdk', code: 'bundled', is_pre_bundled: true },
      ],
    });
    assert.equal((await getJob('default', 'plain')).is_bundled, true);
    assert.equal((await getJob('default', 'imports')).is_bundled, false);
    assert.equal((await getJob('default', 'sdk')).is_bundled, true);
  });

  it('update: version + 1, schedule kept when absent, source kept', async () => {
    await syncJobs(rs, { jobs: [{ name: 'j', code: 'v1', schedule: '0 * * * *', description: 'first' }] });
    const body = await syncJobs(rs, { jobs: [{ name: 'j', code: 'v2' }] });
    assert.deepEqual(body.details, { created: [], deleted: [], unchanged: [], updated: ['j'] });
    const job = await getJob('default', 'j');
    assert.deepEqual(
      [job.version, job.code, job.schedule, job.description, job.source],
      [2, 'v2', '0 * * * *', 'first', 'api'],
    );
    await syncJobs(rs, { jobs: [{ name: 'j', code: 'v3' }] });
    assert.equal((await getJob('default', 'j')).version, 3);
  });

  it('lists by namespace (ORDER BY name) or all (namespace, name); get is by namespace and name', async () => {
    await syncJobs(rs, {
      namespace: 'b',
      jobs: [
        { name: 'zz', code: '1' },
        { name: 'aa', code: '2' },
      ],
    });
    await syncJobs(rs, { namespace: 'a', jobs: [{ name: 'zz', code: '3' }] });
    const all = (await getJson(rs, '/api/v1/admin/jobs/functions')) as Job[];
    assert.deepEqual(
      all.map((j) => `${String(j.namespace)}/${String(j.name)}`),
      ['a/zz', 'b/aa', 'b/zz'],
    );
    const b = (await getJson(rs, '/api/v1/admin/jobs/functions?namespace=b')) as Job[];
    assert.deepEqual(
      b.map((j) => j.name),
      ['aa', 'zz'],
    );
    assert.equal((await getJob('b', 'zz')).code, '1');
    assert.equal((await getJob('a', 'zz')).code, '3');
    assert.equal(
      (await send(rs.url, 'GET', '/api/v1/admin/jobs/namespaces', { headers: rs.admin })).text,
      '{"namespaces":["a","b"]}',
    );
  });

  it('dry run has summary.errors 0 and writes nothing; delete_missing deletes; duplicates error with key "job"', async () => {
    await syncJobs(rs, { jobs: [{ name: 'old', code: 'o' }] });
    const dry = await syncJobs(rs, {
      jobs: [{ name: 'new', code: 'n' }],
      options: { dry_run: true, delete_missing: true },
    });
    assert.equal(
      JSON.stringify(dry),
      '{"details":{"created":["new"],"deleted":["old"],"unchanged":[],"updated":[]},"dry_run":true,"errors":[],' +
        '"message":"Dry run - no changes made","namespace":"default",' +
        '"summary":{"created":1,"deleted":1,"errors":0,"unchanged":0,"updated":0}}',
    );
    assert.equal(((await getJson(rs, '/api/v1/admin/jobs/functions')) as Job[]).length, 1);
    const real = await syncJobs(rs, {
      jobs: [
        { name: 'new', code: 'n' },
        { name: 'new', code: 'again' },
      ],
      options: { delete_missing: true },
    });
    assert.deepEqual(real.details, { created: ['new'], deleted: ['old'], unchanged: [], updated: [] });
    const errors = real.errors as Job[];
    assert.deepEqual(Object.keys(errors[0] as Job), ['action', 'error', 'job']);
    assert.deepEqual([errors[0]?.action, errors[0]?.job], ['create', 'new']);
  });

  it('empty or missing jobs: a filesystem sync of an empty jobs directory; nothing changes, even with delete_missing', async () => {
    await syncJobs(rs, { namespace: 'ops', jobs: [{ name: 'keep', code: 'k' }] });
    for (const body of [
      { namespace: 'ops', options: { delete_missing: true } },
      { namespace: 'ops', jobs: [] },
    ]) {
      const answer = await syncJobs(rs, body);
      assert.equal(
        JSON.stringify(answer),
        '{"details":{"created":[],"deleted":[],"unchanged":[],"updated":[]},"dry_run":false,"errors":[],' +
          '"message":"Jobs synced from filesystem","namespace":"ops",' +
          '"summary":{"created":0,"deleted":0,"errors":0,"unchanged":0,"updated":0}}',
      );
    }
    assert.equal((await getJob('ops', 'keep')).version, 1);
  });

  it('400 Invalid request body for broken JSON and wrong types (require_roles must be strings)', async () => {
    for (const body of ['{"jobs":[', '{"jobs":[{"name":"x","require_roles":"admin"}]}', '{"jobs":[{"name":1}]}']) {
      const response = await send(rs.url, 'POST', '/api/v1/admin/jobs/sync', {
        headers: { ...rs.admin, 'Content-Type': 'application/json' },
        body,
      });
      assert.equal(response.status, 400, body);
      assert.equal(response.text, '{"error":"Invalid request body"}');
    }
  });
});
