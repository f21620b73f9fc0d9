/**
 * Authentication and scopes on /api/v1/secrets (contract §3.1, §3.2, §3.4),
 * including the local server's deliberate differences.
 */
import * as assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { ADMIN, createKey, loginAdmin, send, startTestServer, TestServer } from './serverHarness';

const NO_CREDENTIALS = '{"error":"Authentication required. Provide Bearer token, X-Client-Key, or X-Service-Key"}';
const BAD_BEARER = '{"error":"Invalid or expired Bearer token"}';
const BAD_KEY = '{"error":"Invalid service key"}';

describe('server: secrets authentication and scopes', function () {
  this.timeout(30_000);
  let server: TestServer;
  let accessToken: string;
  let refreshToken: string;
  let fullKey: string;

  before(async () => {
    server = await startTestServer({ admin: ADMIN, accessTtlSeconds: 3600 });
    ({ accessToken, refreshToken } = await loginAdmin(server.url));
    fullKey = createKey(server.dataDir, 'read:secrets,write:secrets');
  });
  after(() => server.close());

  const list = (headers: Record<string, string>) => send(server.url, 'GET', '/api/v1/secrets', { headers });

  it('no credentials: 401 with the exact upstream text', async () => {
    const response = await list({});
    assert.equal(response.status, 401);
    assert.equal(response.text, NO_CREDENTIALS);
  });

  it('a dashboard access token is accepted as Bearer', async () => {
    assert.equal((await list({ Authorization: `Bearer ${accessToken}` })).status, 200);
  });

  it('a garbage Bearer token, or an sk_ key sent as Bearer: 401 Invalid or expired Bearer token', async () => {
    for (const token of ['nonsense', fullKey, 'eyJhbGciOiJub25lIn0.e30.']) {
      const response = await list({ Authorization: `Bearer ${token}` });
      assert.equal(response.status, 401);
      assert.equal(response.text, BAD_BEARER);
    }
  });

  it('a refresh token is not an access token here (deliberate difference)', async () => {
    const response = await list({ Authorization: `Bearer ${refreshToken}` });
    assert.equal(response.text, BAD_BEARER);
  });

  it('a token signed with another secret, or with a role other than dashboard_admin, is refused', async () => {
    const foreign = await new SignJWT({ role: 'dashboard_admin', token_type: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('fluxbase')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-another-secret-another'));
    assert.equal((await list({ Authorization: `Bearer ${foreign}` })).text, BAD_BEARER);
  });

  it('an expired access token: 401 Invalid or expired Bearer token', async () => {
    const own = await startTestServer({ admin: ADMIN, accessTtlSeconds: 60 });
    try {
      const tokens = await loginAdmin(own.url);
      const auth = { Authorization: `Bearer ${tokens.accessToken}` };
      assert.equal((await send(own.url, 'GET', '/api/v1/secrets', { headers: auth })).status, 200);
      own.clock.advanceSeconds(61);
      const response = await send(own.url, 'GET', '/api/v1/secrets', { headers: auth });
      assert.equal(response.text, BAD_BEARER);
    } finally {
      await own.close();
    }
  });

  it('"bearer" in lower case is not a Bearer token: the request has no credentials', async () => {
    assert.equal((await list({ Authorization: `bearer ${accessToken}` })).text, NO_CREDENTIALS);
  });

  it('a valid service key works in X-Service-Key and as Authorization: ServiceKey', async () => {
    assert.equal((await list({ 'X-Service-Key': fullKey })).status, 200);
    assert.equal((await list({ Authorization: `ServiceKey ${fullKey}` })).status, 200);
  });

  it('a wrong, short or unknown service key: 401 Invalid service key', async () => {
    for (const key of ['sk_short', 'pk_0123456789abcdefghij', `${fullKey}x`, `sk_${'A'.repeat(43)}`]) {
      const response = await list({ 'X-Service-Key': key });
      assert.equal(response.status, 401, key);
      assert.equal(response.text, BAD_KEY);
    }
  });

  it('a JWT in X-Service-Key: 401 Invalid service role token (role JWTs are not supported locally)', async () => {
    const response = await list({ 'X-Service-Key': accessToken });
    assert.equal(response.text, '{"error":"Invalid service role token"}');
  });

  it('a service key wins over a Bearer token, and no other method is tried after a bad key', async () => {
    assert.equal((await list({ 'X-Service-Key': fullKey, Authorization: 'Bearer nonsense' })).status, 200);
    const response = await list({ 'X-Service-Key': 'sk_bad', Authorization: `Bearer ${accessToken}` });
    assert.equal(response.text, BAD_KEY);
  });

  it('X-Client-Key is not supported locally: 401 Invalid client key', async () => {
    assert.equal((await list({ 'X-Client-Key': 'fbk_anything' })).text, '{"error":"Invalid client key"}');
  });

  it('a read-only key may read but gets 403 Insufficient permissions with required_scope on writes', async () => {
    const readKey = createKey(server.dataDir, 'read:secrets');
    assert.equal((await list({ 'X-Service-Key': readKey })).status, 200);
    const write = await send(server.url, 'POST', '/api/v1/secrets', {
      headers: { 'X-Service-Key': readKey },
      json: { name: 'X', value: 'v' },
    });
    assert.equal(write.status, 403);
    assert.equal(write.text, '{"error":"Insufficient permissions","required_scope":"write:secrets"}');
  });

  it('a write-only key gets 403 with required_scope read:secrets on reads', async () => {
    const writeKey = createKey(server.dataDir, 'write:secrets');
    const response = await send(server.url, 'GET', '/api/v1/secrets/stats', { headers: { 'X-Service-Key': writeKey } });
    assert.equal(response.text, '{"error":"Insufficient permissions","required_scope":"read:secrets"}');
  });

  it('the scope check runs before the body is looked at, and only on known routes', async () => {
    const readKey = createKey(server.dataDir, 'read:secrets');
    const badBody = await send(server.url, 'POST', '/api/v1/secrets', {
      headers: { 'X-Service-Key': readKey, 'Content-Type': 'application/json' },
      body: '{',
    });
    assert.equal(badBody.status, 403);
    const unknown = await send(server.url, 'POST', '/api/v1/secrets/x/y', { headers: { 'X-Service-Key': readKey } });
    assert.equal(unknown.status, 404);
  });

  it('the * scope allows everything', async () => {
    const star = createKey(server.dataDir, '*');
    const response = await send(server.url, 'POST', '/api/v1/secrets', {
      headers: { 'X-Service-Key': star },
      json: { name: 'STAR', value: 'v' },
    });
    assert.equal(response.status, 201);
  });

  it('an admin is recorded as created_by/updated_by (never in the 201); a key records nobody', async () => {
    const auth = { Authorization: `Bearer ${accessToken}` };
    const created = await send(server.url, 'POST', '/api/v1/secrets', {
      json: { name: 'OWNED', value: 'v' },
      headers: auth,
    });
    assert.equal(created.status, 201);
    const body = created.json as { id: string };
    assert.equal('created_by' in body, false);
    assert.equal('updated_by' in body, false);
    const read = (await send(server.url, 'GET', `/api/v1/secrets/${body.id}`, { headers: auth })).json as Record<
      string,
      unknown
    >;
    const me = (await send(server.url, 'GET', '/dashboard/auth/me', { headers: auth })).json as { id: string };
    assert.equal(read.created_by, me.id);
    assert.equal(read.updated_by, me.id);
    const byKey = await send(server.url, 'PUT', `/api/v1/secrets/${body.id}`, {
      json: { value: 'again' },
      headers: { 'X-Service-Key': fullKey },
    });
    const updated = byKey.json as Record<string, unknown>;
    assert.equal(updated.created_by, me.id);
    assert.equal('updated_by' in updated, false);
    const versions = (await send(server.url, 'GET', `/api/v1/secrets/${body.id}/versions`, { headers: auth }))
      .json as Record<string, unknown>[];
    assert.equal('created_by' in (versions[0] ?? {}), false);
    assert.equal(versions[1]?.created_by, me.id);
  });
});
