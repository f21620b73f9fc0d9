/**
 * GET /api/v1/functions/, GET /api/v1/functions/:name and
 * GET /api/v1/admin/functions/namespaces (contract part 3, §1–§4): key
 * order, explicit nulls, the `null` empty list, EU's orderings, the first
 * namespace alphabetically for get, and the never-empty namespaces list.
 */
import * as assert from 'node:assert/strict';
import { send } from '../serverHarness';
import {
  FUNCTION_KEYS,
  getJson,
  RegistryServer,
  startRegistryServer,
  SUMMARY_KEYS,
  syncFunctions,
} from './registryHarness';

type Fn = Record<string, unknown>;

describe('server: functions list, get and namespaces (contract part 3, §1–§4)', function () {
  this.timeout(30_000);
  let rs: RegistryServer;

  before(async () => {
    rs = await startRegistryServer();
  });
  after(() => rs.close());

  it('an empty registry lists as the JSON literal null, and namespaces falls back to ["default"]', async () => {
    const list = await send(rs.url, 'GET', '/api/v1/functions/', { headers: rs.admin });
    assert.equal(list.status, 200);
    assert.equal(list.text, 'null');
    assert.equal(
      (await send(rs.url, 'GET', '/api/v1/functions?namespace=billing', { headers: rs.admin })).text,
      'null',
    );
    const namespaces = await send(rs.url, 'GET', '/api/v1/admin/functions/namespaces', { headers: rs.admin });
    assert.equal(namespaces.text, '{"namespaces":["default"]}');
    assert.match(String(namespaces.headers['content-type']), /^application\/json/);
  });

  describe('with functions in three namespaces', () => {
    before(async () => {
      await syncFunctions(rs, { namespace: 'zeta', functions: [{ name: 'shared-name', code: 'export default 1' }] });
      rs.server.clock.advanceSeconds(1);
      await syncFunctions(rs, {
        namespace: 'billing',
        functions: [
          { name: 'older', code: 'export default 2', description: 'first', is_public: false },
          { name: 'shared-name', code: 'const a = "<b>&"; // billing copy' },
        ],
      });
      rs.server.clock.advanceSeconds(1);
      await syncFunctions(rs, { namespace: 'billing', functions: [{ name: 'newest', code: 'x' }], options: {} });
      await syncFunctions(rs, { functions: [{ name: 'hello', code: 'y' }] });
    });

    it('lists summaries with the 30 keys in struct order and explicit nulls, no code', async () => {
      const list = (await getJson(rs, '/api/v1/functions/')) as Fn[];
      for (const fn of list) assert.deepEqual(Object.keys(fn), SUMMARY_KEYS);
      const hello = list.find((fn) => fn.name === 'hello') as Fn;
      for (const key of ['description', 'bundle_error', 'cron_schedule', 'cors_origins', 'cors_credentials']) {
        assert.equal(hello[key], null, key);
      }
      for (const key of ['cors_max_age', 'rate_limit_per_minute', 'rate_limit_per_hour', 'rate_limit_per_day']) {
        assert.equal(hello[key], null, key);
      }
      assert.equal(hello.original_code, undefined);
      assert.equal(hello.code, undefined);
    });

    it('without a namespace: every function (public or not), ordered by namespace then name', async () => {
      const list = (await getJson(rs, '/api/v1/functions')) as Fn[];
      assert.deepEqual(
        list.map((fn) => `${String(fn.namespace)}/${String(fn.name)}`),
        ['billing/newest', 'billing/older', 'billing/shared-name', 'default/hello', 'zeta/shared-name'],
      );
    });

    it('with ?namespace=: only that namespace, newest first (created_at DESC); "" means all', async () => {
      const billing = (await getJson(rs, '/api/v1/functions/?namespace=billing')) as Fn[];
      // older and shared-name share one created_at (one sync, a still clock): the later insert comes first.
      assert.deepEqual(
        billing.map((fn) => fn.name),
        ['newest', 'shared-name', 'older'],
      );
      const all = (await getJson(rs, '/api/v1/functions?namespace=')) as Fn[];
      assert.equal(all.length, 5);
      assert.equal(
        (await send(rs.url, 'GET', '/api/v1/functions?namespace=Billing', { headers: rs.admin })).text,
        'null',
        'no normalisation of the namespace',
      );
    });

    it('get: the 32 keys incl. code and original_code, Go-escaped < > &', async () => {
      const response = await send(rs.url, 'GET', '/api/v1/functions/older', { headers: rs.admin });
      assert.equal(response.status, 200);
      const fn = response.json as Fn;
      assert.deepEqual(Object.keys(fn), FUNCTION_KEYS);
      assert.equal(fn.code, 'export default 2');
      assert.equal(fn.original_code, 'export default 2');
      assert.equal(fn.description, 'first');
      const shared = await send(rs.url, 'GET', '/api/v1/functions/shared-name', { headers: rs.admin });
      assert.ok(shared.text.includes('\\u003cb\\u003e\\u0026'), shared.text);
    });

    it('get ignores ?namespace= and returns the alphabetically first namespace holding the name', async () => {
      for (const query of ['', '?namespace=zeta', '?namespace=nowhere']) {
        const fn = (await getJson(rs, `/api/v1/functions/shared-name${query}`)) as Fn;
        assert.equal(fn.namespace, 'billing', query);
      }
    });

    it('get of an unknown name, and of "namespaces" (it is a function name here): 404 Function not found', async () => {
      for (const name of ['missing', 'namespaces', 'shared']) {
        const response = await send(rs.url, 'GET', `/api/v1/functions/${name}`, { headers: rs.admin });
        assert.equal(response.status, 404);
        assert.equal(response.text, '{"error":"Function not found"}');
      }
    });

    it('namespaces: the distinct namespaces, sorted', async () => {
      const body = await send(rs.url, 'GET', '/api/v1/admin/functions/namespaces', { headers: rs.admin });
      assert.equal(body.text, '{"namespaces":["billing","default","zeta"]}');
    });

    it('unrouted methods and deeper paths fall through to the catch-all 404', async () => {
      const response = await send(rs.url, 'DELETE', '/api/v1/functions/older', { headers: rs.admin });
      assert.equal(response.status, 404);
      assert.equal(response.text, '{"error":"Not Found","path":"/api/v1/functions/older"}');
      assert.equal((await send(rs.url, 'GET', '/api/v1/admin/functions', { headers: rs.admin })).status, 404);
    });
  });
});
