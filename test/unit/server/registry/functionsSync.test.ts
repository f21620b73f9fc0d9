/**
 * POST /api/v1/admin/functions/sync (contract part 3, §5): request binding,
 * create defaults, annotations, the update rules, delete_missing, dry run,
 * partial failures reported with 200, and the exact response bodies.
 */
import * as assert from 'node:assert/strict';
import { send } from '../serverHarness';
import { getJson, RegistryServer, startRegistryServer, syncFunctions } from './registryHarness';

type Fn = Record<string, unknown>;
const SYNC = '/api/v1/admin/functions/sync';

describe('server: functions sync (contract part 3, §5)', function () {
  this.timeout(30_000);
  let rs: RegistryServer;

  beforeEach(async () => {
    rs = await startRegistryServer();
  });
  afterEach(() => rs.close());

  const get = async (name: string): Promise<Fn> => (await getJson(rs, `/api/v1/functions/${name}`)) as Fn;

  it('creates with EU defaults: source "", version 1, created_by the dashboard user, namespace "default"', async () => {
    const body = await syncFunctions(rs, { functions: [{ name: 'hello', code: 'export default () => 1' }] });
    assert.equal(
      JSON.stringify(body),
      '{"details":{"created":["hello"],"deleted":[],"unchanged":[],"updated":[]},"dry_run":false,"errors":[],' +
        '"message":"Functions synced successfully","namespace":"default",' +
        '"summary":{"created":1,"deleted":0,"errors":0,"unchanged":0,"updated":0}}',
    );
    const fn = await get('hello');
    assert.deepEqual(
      { ...fn, id: undefined, created_at: undefined, updated_at: undefined },
      {
        ...fn,
        id: undefined,
        created_at: undefined,
        updated_at: undefined,
        namespace: 'default',
        description: null,
        code: 'export default () => 1',
        original_code: 'export default () => 1',
        is_bundled: false,
        bundle_error: null,
        version: 1,
        cron_schedule: null,
        enabled: true,
        timeout_seconds: 30,
        memory_limit_mb: 128,
        allow_net: true,
        allow_env: true,
        allow_read: false,
        allow_write: false,
        allow_unauthenticated: false,
        is_public: true,
        disable_execution_logs: false,
        created_by: rs.dashboardUserId,
        source: '',
      },
    );
    assert.equal(fn.created_at, fn.updated_at);
  });

  it('a service_role JWT creates with created_by null; "" namespace becomes "default"', async () => {
    await syncFunctions(rs, { namespace: '', functions: [{ name: 'svc', code: 'x' }] }, rs.serviceRole);
    const fn = await get('svc');
    assert.equal(fn.created_by, null);
    assert.equal(fn.namespace, 'default');
  });

  it('annotations in the code set allow_unauthenticated and is_public; explicit request values win', async () => {
    await syncFunctions(rs, {
      namespace: 'ns',
      functions: [
        { name: 'annotated', code: '// @fluxbase:allow-unauthenticated\n/* @fluxbase:public false */\nx' },
        { name: 'explicit', code: '// @fluxbase:public false\nx', is_public: true, allow_unauthenticated: true },
        { name: 'in-string', code: 'const s = "// @fluxbase:public false";' },
      ],
    });
    const [annotated, explicit, inString] = [await get('annotated'), await get('explicit'), await get('in-string')];
    assert.deepEqual([annotated.allow_unauthenticated, annotated.is_public], [true, false]);
    assert.deepEqual([explicit.allow_unauthenticated, explicit.is_public], [true, true]);
    assert.equal(inString.is_public, true, 'function annotations are anchored to comment lines');
  });

  it('pre-bundled code (is_bundled, or the SDK is_pre_bundled) keeps original_code; other code is stored as sent', async () => {
    await syncFunctions(rs, {
      functions: [
        { name: 'cli', code: 'bundled()', original_code: 'import x from "y"', is_bundled: true },
        { name: 'sdk', code: 'bundled2()', original_code: 'src', is_pre_bundled: true },
        { name: 'no-original', code: 'bundled3()', is_bundled: true, original_code: '' },
        { name: 'imports', code: 'import { a } from "./_shared/a.ts";\na();' },
      ],
    });
    const [cli, sdk, noOriginal, imports] = await Promise.all(['cli', 'sdk', 'no-original', 'imports'].map(get));
    assert.deepEqual([cli?.code, cli?.original_code, cli?.is_bundled], ['bundled()', 'import x from "y"', true]);
    assert.deepEqual([sdk?.code, sdk?.original_code, sdk?.is_bundled], ['bundled2()', 'src', true]);
    assert.deepEqual([noOriginal?.original_code, noOriginal?.is_bundled], ['bundled3()', true]);
    assert.deepEqual([imports?.is_bundled, imports?.bundle_error], [false, null]);
    assert.equal(imports?.original_code, imports?.code);
  });

  it('update: code and access always; other fields only when sent; version and source kept; updated_at moves', async () => {
    await syncFunctions(rs, {
      functions: [
        { name: 'f', code: 'v1', description: 'd', timeout_seconds: 5, cron_schedule: '* * * * *', enabled: false },
      ],
    });
    const before = await get('f');
    rs.server.clock.advanceSeconds(2);
    const body = await syncFunctions(rs, {
      functions: [{ name: 'f', code: '// @fluxbase:public false\nv2', description: null, memory_limit_mb: 512 }],
    });
    assert.deepEqual(body.details, { created: [], deleted: [], unchanged: [], updated: ['f'] });
    const after = await get('f');
    assert.deepEqual(
      [after.code, after.is_public, after.memory_limit_mb, after.description, after.timeout_seconds],
      ['// @fluxbase:public false\nv2', false, 512, 'd', 5],
    );
    assert.deepEqual([after.cron_schedule, after.enabled, after.version, after.source], ['* * * * *', false, 1, '']);
    assert.equal(after.created_at, before.created_at);
    assert.notEqual(after.updated_at, before.updated_at);
    assert.equal(after.id, before.id);
  });

  it('delete_missing deletes the namespace functions not in the payload, only in that namespace', async () => {
    await syncFunctions(rs, {
      namespace: 'a',
      functions: [
        { name: 'keep', code: 'k' },
        { name: 'drop', code: 'd' },
      ],
    });
    await syncFunctions(rs, { namespace: 'b', functions: [{ name: 'drop', code: 'other namespace' }] });
    const body = await syncFunctions(rs, {
      namespace: 'a',
      functions: [{ name: 'keep', code: 'k2' }],
      options: { delete_missing: true },
    });
    assert.deepEqual(body.details, { created: [], deleted: ['drop'], unchanged: [], updated: ['keep'] });
    assert.deepEqual(body.summary, { created: 0, deleted: 1, errors: 0, unchanged: 0, updated: 1 });
    const names = ((await getJson(rs, '/api/v1/functions')) as Fn[]).map(
      (fn) => `${String(fn.namespace)}/${String(fn.name)}`,
    );
    assert.deepEqual(names, ['a/keep', 'b/drop']);
  });

  it('an empty or missing functions list changes nothing, or deletes the whole namespace with delete_missing', async () => {
    await syncFunctions(rs, {
      namespace: 'n',
      functions: [
        { name: 'one', code: '1' },
        { name: 'two', code: '2' },
      ],
    });
    const noop = await syncFunctions(rs, { namespace: 'n' });
    assert.deepEqual(noop.summary, { created: 0, deleted: 0, errors: 0, unchanged: 0, updated: 0 });
    const wipe = await syncFunctions(rs, { namespace: 'n', functions: null, options: { delete_missing: true } });
    assert.deepEqual(wipe.details, { created: [], deleted: ['one', 'two'], unchanged: [], updated: [] });
    assert.equal((await send(rs.url, 'GET', '/api/v1/functions', { headers: rs.admin })).text, 'null');
  });

  it('dry run: the exact body (no summary.errors), and nothing is written', async () => {
    await syncFunctions(rs, {
      functions: [
        { name: 'hello', code: 'old' },
        { name: 'old-fn', code: 'o' },
      ],
    });
    const body = await syncFunctions(rs, {
      namespace: 'default',
      functions: [
        { name: 'new-fn', code: 'n' },
        { name: 'hello', code: 'new' },
      ],
      options: { delete_missing: true, dry_run: true },
    });
    assert.equal(
      JSON.stringify(body),
      '{"details":{"created":["new-fn"],"deleted":["old-fn"],"unchanged":[],"updated":["hello"]},"dry_run":true,' +
        '"errors":[],"message":"Dry run - no changes made","namespace":"default",' +
        '"summary":{"created":1,"deleted":1,"unchanged":0,"updated":1}}',
    );
    assert.equal((await get('hello')).code, 'old');
    assert.equal(((await getJson(rs, '/api/v1/functions')) as Fn[]).length, 2);
  });

  it('partial failure: a name twice in the payload is created once, the second is an errors[] item, still 200', async () => {
    const body = await syncFunctions(rs, {
      functions: [
        { name: 'dup', code: 'first' },
        { name: 'ok', code: 'fine' },
        { name: 'dup', code: 'second' },
      ],
    });
    assert.deepEqual((body.details as Fn).created, ['dup', 'ok']);
    const errors = body.errors as Fn[];
    assert.equal(errors.length, 1);
    assert.deepEqual(Object.keys(errors[0] as Fn), ['action', 'error', 'function']);
    assert.deepEqual([errors[0]?.action, errors[0]?.function], ['create', 'dup']);
    assert.deepEqual(body.summary, { created: 2, deleted: 0, errors: 1, unchanged: 0, updated: 0 });
    assert.equal(body.message, 'Functions synced successfully');
    assert.equal((await get('dup')).code, 'first');
  });

  it('binds like Go: keys case-insensitive, unknown keys ignored, null keeps defaults', async () => {
    await syncFunctions(rs, {
      NameSpace: 'mixed',
      Functions: [
        { NAME: 'casey', Code: 'c', Timeout_Seconds: 9, enabled: null, namespace: 'ignored', cors_origins: '*' },
      ],
    });
    const fn = await get('casey');
    assert.deepEqual([fn.namespace, fn.timeout_seconds, fn.enabled, fn.cors_origins], ['mixed', 9, true, null]);
  });

  it('400 Invalid request body: not JSON, wrong content type, or a wrong JSON type; nothing written', async () => {
    const bad: [string, string][] = [
      ['{"functions":[{"name":"x","code":"y"}', 'application/json'],
      ['{"functions":[{"name":"x","code":"y"}]}', 'text/plain'],
      ['{"functions":[{"name":"x","code":"y","enabled":"yes"}]}', 'application/json'],
      ['{"functions":[{"name":"x","code":"y","timeout_seconds":1.5}]}', 'application/json'],
      ['{"functions":{"name":"x"}}', 'application/json'],
      ['{"namespace":5,"functions":[]}', 'application/json'],
      ['{"functions":[5]}', 'application/json'],
      ['{"options":{"dry_run":"yes"}}', 'application/json'],
      ['[]', 'application/json'],
      [`{"functions":[{"name":"deep","code":"x"}],"x":${'['.repeat(10_001)}${']'.repeat(10_001)}}`, 'application/json'],
    ];
    for (const [body, type] of bad) {
      const response = await send(rs.url, 'POST', SYNC, { headers: { ...rs.admin, 'Content-Type': type }, body });
      assert.equal(response.status, 400, body);
      assert.equal(response.text, '{"error":"Invalid request body"}');
    }
    assert.equal((await send(rs.url, 'GET', '/api/v1/functions', { headers: rs.admin })).text, 'null');
  });
});
