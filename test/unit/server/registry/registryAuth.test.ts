/**
 * Who can call what (contract part 3, §0.1 and §7): /api/v1/functions
 * through the secrets credential chain plus role JWTs, `read:functions`
 * (or `*`) for service keys and the admin-role check; /api/v1/admin through
 * a JWT only (Bearer or the access-token cookie), with `X-Service-Key` never
 * read and structured error bodies carrying the X-Request-ID.
 */
import * as assert from 'node:assert/strict';
import { createKey, send } from '../serverHarness';
import { roleToken, RegistryServer, startRegistryServer, syncFunctions } from './registryHarness';

const LIST = '/api/v1/functions/';
const GET = '/api/v1/functions/hello';
const ADMIN_ROUTES: [string, string][] = [
  ['GET', '/api/v1/admin/functions/namespaces'],
  ['POST', '/api/v1/admin/functions/sync'],
  ['GET', '/api/v1/admin/jobs/functions'],
  ['GET', '/api/v1/admin/jobs/functions/default/nightly'],
  ['GET', '/api/v1/admin/jobs/namespaces'],
  ['POST', '/api/v1/admin/jobs/sync'],
];

describe('server: functions and jobs auth matrix (contract part 3, §7)', function () {
  this.timeout(30_000);
  let rs: RegistryServer;
  const keys: Record<string, string> = {};
  let anonToken: string;

  before(async () => {
    rs = await startRegistryServer();
    for (const scopes of [
      'read:functions',
      '*',
      'read:secrets,write:secrets',
      'execute:functions,read:jobs,write:jobs',
    ]) {
      keys[scopes] = createKey(rs.server.dataDir, scopes);
    }
    anonToken = await roleToken('anon');
    await syncFunctions(rs, { functions: [{ name: 'hello', code: 'x' }] });
    await send(rs.url, 'POST', '/api/v1/admin/jobs/sync', {
      headers: rs.admin,
      json: { jobs: [{ name: 'nightly', code: 'y' }] },
    });
  });
  after(() => rs.close());

  const call = (method: string, path: string, headers: Record<string, string>) =>
    send(rs.url, method, path, { headers, ...(method === 'POST' ? { json: { namespace: 'auth-probe' } } : {}) });

  describe('/api/v1/functions (RequireAuthOrServiceKey + read:functions + admin role)', () => {
    const allowed: [string, () => Record<string, string>][] = [
      ['dashboard JWT as Bearer', () => rs.admin],
      ['service_role JWT as Bearer', () => rs.serviceRole],
      ['service_role JWT in X-Service-Key', () => ({ 'X-Service-Key': rs.serviceRoleToken })],
      ['service_role JWT as Authorization: ServiceKey', () => ({ Authorization: `ServiceKey ${rs.serviceRoleToken}` })],
      ['sk_ key with read:functions', () => ({ 'X-Service-Key': keys['read:functions'] as string })],
      ['sk_ key with *', () => ({ 'X-Service-Key': keys['*'] as string })],
    ];
    for (const [what, headers] of allowed) {
      it(`${what}: 200 on list and get`, async () => {
        assert.equal((await call('GET', LIST, headers())).status, 200);
        const got = await call('GET', GET, headers());
        assert.equal(got.status, 200, got.text);
        assert.equal((got.json as { name: string }).name, 'hello');
      });
    }

    it('sk_ keys without read:functions: 403 with required_scope (execute:functions and the jobs scopes do not read)', async () => {
      for (const scopes of ['read:secrets,write:secrets', 'execute:functions,read:jobs,write:jobs']) {
        for (const path of [LIST, GET]) {
          const response = await call('GET', path, { 'X-Service-Key': keys[scopes] as string });
          assert.equal(response.status, 403);
          assert.equal(response.text, '{"error":"Insufficient permissions","required_scope":"read:functions"}');
        }
      }
    });

    it('an anon or authenticated role JWT: 403 with the admin-required texts of list and get', async () => {
      for (const token of [anonToken, await roleToken('authenticated', { issuer: 'supabase' })]) {
        const forms: Record<string, string>[] = [{ Authorization: `Bearer ${token}` }, { 'X-Service-Key': token }];
        for (const headers of forms) {
          assert.equal((await call('GET', LIST, headers)).text, '{"error":"Admin access required to list functions"}');
          const got = await call('GET', GET, headers);
          assert.equal(got.status, 403);
          assert.equal(got.text, '{"error":"Admin access required to view function details"}');
        }
      }
    });

    it('a bad role JWT in X-Service-Key: 401 Invalid service role token (wrong secret, role or issuer)', async () => {
      const bad = [
        await roleToken('service_role', { secret: 'another-secret-another-secret-another-1' }),
        await roleToken('dashboard_admin'),
        await roleToken('service_role', { issuer: 'evil' }),
        'eyJnot-a-jwt',
      ];
      for (const token of bad) {
        const response = await call('GET', LIST, { 'X-Service-Key': token });
        assert.equal(response.status, 401);
        assert.equal(response.text, '{"error":"Invalid service role token"}');
      }
    });

    it('no credentials, a bad Bearer, a bad key, a client key: the secrets chain texts', async () => {
      const cases: [Record<string, string>, string][] = [
        [{}, '{"error":"Authentication required. Provide Bearer token, X-Client-Key, or X-Service-Key"}'],
        [{ Authorization: 'Bearer nonsense' }, '{"error":"Invalid or expired Bearer token"}'],
        [
          { Authorization: `Bearer ${await roleToken('service_role', { issuer: 'evil' })}` },
          '{"error":"Invalid or expired Bearer token"}',
        ],
        [{ 'X-Service-Key': 'sk_not-a-real-key-at-all' }, '{"error":"Invalid service key"}'],
        [{ 'X-Client-Key': 'ck_x' }, '{"error":"Invalid client key"}'],
      ];
      for (const [headers, text] of cases) {
        const response = await call('GET', LIST, headers);
        assert.equal(response.status, 401);
        assert.equal(response.text, text);
      }
    });
  });

  describe('/api/v1/admin/* (UnifiedAuth + RequireRole; JWT only)', () => {
    for (const [method, path] of ADMIN_ROUTES) {
      it(`${method} ${path}: dashboard JWT (Bearer, bare Authorization or cookie) and service_role Bearer pass`, async () => {
        for (const headers of [
          rs.admin,
          rs.serviceRole,
          { Authorization: rs.dashboardToken },
          { Cookie: `other=1; fluxbase_access_token=${rs.dashboardToken}` },
        ]) {
          const response = await call(method, path, headers);
          assert.equal(response.status, 200, `${JSON.stringify(headers).slice(0, 40)} ${response.text}`);
        }
      });

      it(`${method} ${path}: X-Service-Key is never read: 401 MISSING_AUTHENTICATION with the request id`, async () => {
        for (const key of [keys['*'] as string, rs.serviceRoleToken]) {
          const response = await call(method, path, { 'X-Service-Key': key });
          assert.equal(response.status, 401);
          const requestId = response.headers['x-request-id'];
          assert.match(String(requestId), /^[0-9a-f-]{36}$/);
          assert.equal(
            response.text,
            `{"error":"Missing authentication","code":"MISSING_AUTHENTICATION","request_id":"${String(requestId)}"}`,
          );
        }
      });

      it(`${method} ${path}: an sk_ key or junk as Bearer is INVALID_TOKEN; an anon JWT is INSUFFICIENT_PERMISSIONS`, async () => {
        for (const token of [keys['*'] as string, 'junk']) {
          const response = await call(method, path, { Authorization: `Bearer ${token}` });
          assert.equal(response.status, 401);
          assert.deepEqual(Object.keys(response.json as object), ['error', 'code', 'request_id']);
          assert.equal((response.json as { code: string }).code, 'INVALID_TOKEN');
          assert.equal((response.json as { error: string }).error, 'Invalid or expired token');
        }
        const anon = await call(method, path, { Authorization: `Bearer ${anonToken}` });
        assert.equal(anon.status, 403);
        assert.equal(
          anon.text,
          `{"error":"Insufficient permissions","code":"INSUFFICIENT_PERMISSIONS","request_id":"${String(anon.headers['x-request-id'])}"}`,
        );
      });
    }

    it('the failed calls above wrote nothing: the probe namespace never appeared', async () => {
      const namespaces = await send(rs.url, 'GET', '/api/v1/admin/functions/namespaces', { headers: rs.admin });
      assert.equal(namespaces.text, '{"namespaces":["default"]}');
    });
  });
});
