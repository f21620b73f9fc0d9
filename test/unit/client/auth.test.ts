import * as assert from 'node:assert/strict';
import type { Credentials } from '../../../src/core/api/authTypes';
import type { FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { MockApi, type RecordedRequest } from '../../support/mockApi';
import { USER_ID, secretBody, sessionBody, summaryBody, userBody } from './fixtures';

const LOGIN = '/dashboard/auth/login';
const VERIFY = '/dashboard/auth/2fa/verify';
const REFRESH = '/dashboard/auth/refresh';
const ME = '/dashboard/auth/me';

describe('FluxbaseAuth: dashboard login, 2FA, refresh, current user, tokens and keys', () => {
  let api: MockApi;
  let client: FluxbaseClient;
  let changes: Credentials[];

  beforeEach(() => {
    api = new MockApi();
    client = api.client();
    changes = [];
    client.auth.onDidChangeCredentials((credentials) => changes.push(credentials));
  });

  afterEach(async () => {
    api.assertAllUsed();
    await api.close();
  });

  it('login POSTs {email,password} without credentials, holds the session and uses it as Bearer', async () => {
    client.auth.useServiceKey('sk_old_key_0123456');
    api.on('POST', LOGIN, { status: 200, body: sessionBody('access-1') });
    api.on('GET', '/api/v1/secrets', { status: 200, body: [] });

    const result = await client.auth.login({ email: 'admin@example.com', password: 'correct horse' });
    await client.secrets.list();

    assert.deepEqual(result, { requires2fa: false, session: sessionBody('access-1') });
    const [login, list] = api.requests as [RecordedRequest, RecordedRequest];
    assert.equal(login.body, JSON.stringify({ email: 'admin@example.com', password: 'correct horse' }));
    assert.equal(login.headers['content-type'], 'application/json');
    assert.equal(login.headers['authorization'], undefined);
    assert.equal(login.headers['x-service-key'], undefined);
    assert.equal(list.headers['authorization'], 'Bearer access-1');
    assert.equal(list.headers['x-service-key'], undefined);
    assert.deepEqual(client.auth.credentials, {
      type: 'session',
      accessToken: 'access-1',
      refreshToken: 'refresh-token-1',
    });
    assert.deepEqual(changes.at(-1), client.auth.credentials);
  });

  it('login with TOTP on returns the challenge, then verify2fa POSTs {user_id, code} and holds the session', async () => {
    api.on('POST', LOGIN, { status: 200, body: { requires_2fa: true, user_id: USER_ID } });
    api.on('POST', VERIFY, { status: 200, body: sessionBody('access-2fa') });

    const result = await client.auth.login({ email: 'admin@example.com', password: 'pw-123456' });
    assert.deepEqual(result, { requires2fa: true, userId: USER_ID });
    assert.equal(client.auth.credentials.type, 'none', 'no session before the code is verified');

    const session = await client.auth.verify2fa({ userId: USER_ID, code: '123456' });

    assert.equal(session.access_token, 'access-2fa');
    assert.equal(api.requests[1]?.body, JSON.stringify({ user_id: USER_ID, code: '123456' }));
    assert.equal(api.requests[1]?.headers['authorization'], undefined);
    assert.deepEqual(client.auth.credentials, {
      type: 'session',
      accessToken: 'access-2fa',
      refreshToken: 'refresh-token-1',
    });
  });

  it('a wrong 2FA code is an auth error and keeps no session', async () => {
    api.on('POST', VERIFY, { status: 401, body: { error: 'Invalid 2FA code', code: 401 } });

    await assert.rejects(client.auth.verify2fa({ userId: USER_ID, code: '000000' }), (error) => {
      assert.ok(FluxbaseApiError.is(error, 'auth'));
      assert.equal(error.message, 'Authentication failed: Invalid 2FA code (401)');
      return true;
    });
    assert.equal(client.auth.credentials.type, 'none');
  });

  const wrongPasswordDialects = [
    {
      server: 'EU/WA (500 with the service text)',
      status: 500,
      body: { error: 'Login failed: invalid email or password', code: 500 },
    },
    {
      server: 'NF (500 Login failed, INTERNAL_ERROR)',
      status: 500,
      body: { error: 'Login failed', code: 'INTERNAL_ERROR' },
    },
    { server: 'the local server (401)', status: 401, body: { error: 'Invalid email or password' } },
  ];
  for (const { server, status, body } of wrongPasswordDialects) {
    it(`a wrong password from ${server} is an auth error saying "Wrong email or password"`, async () => {
      api.on('POST', LOGIN, { status, body });

      await assert.rejects(client.auth.login({ email: 'admin@example.com', password: 'nope-nope' }), (error) => {
        assert.ok(FluxbaseApiError.is(error, 'auth'));
        assert.equal(error.message, 'Wrong email or password');
        assert.equal(error.status, status);
        assert.equal(error.serverError, body.error);
        return true;
      });
      assert.equal(client.auth.credentials.type, 'none');
    });
  }

  it('a locked account (500) is an auth error that says so; other login failures keep their kind', async () => {
    api.on('POST', LOGIN, {
      status: 500,
      body: { error: 'Login failed: account locked due to too many failed login attempts', code: 500 },
    });
    api.on('POST', LOGIN, { status: 403, body: { error: 'Account is inactive', code: 403 } });

    await assert.rejects(client.auth.login({ email: 'a@b.c', password: 'pw' }), (error) => {
      assert.ok(FluxbaseApiError.is(error, 'auth'));
      assert.match(error.message, /locked/);
      return true;
    });
    await assert.rejects(client.auth.login({ email: 'a@b.c', password: 'pw' }), (error) =>
      FluxbaseApiError.is(error, 'forbidden'),
    );
  });

  it('a login answer of the wrong shape is malformedResponse and holds nothing', async () => {
    api.on('POST', LOGIN, { status: 200, body: { access_token: 'a', expires_in: 86400 } });

    await assert.rejects(client.auth.login({ email: 'a@b.c', password: 'pw' }), (error) =>
      FluxbaseApiError.is(error, 'malformedResponse'),
    );
    assert.equal(client.auth.credentials.type, 'none');
    assert.equal(changes.length, 0);
  });

  it('me GETs /dashboard/auth/me with the Bearer token and returns the user', async () => {
    client.auth.useAccessToken('access-me');
    api.on('GET', ME, { status: 200, body: userBody() });

    assert.deepEqual(await client.auth.me(), userBody());
    assert.equal(api.requests[0]?.headers['authorization'], 'Bearer access-me');
    assert.equal(api.requests[0]?.body, undefined);
  });

  it('me rejects a user of the wrong shape as malformedResponse', async () => {
    client.auth.useAccessToken('access-me');
    api.on('GET', ME, { status: 200, body: { ...userBody(), is_locked: 'no' } });

    await assert.rejects(client.auth.me(), (error) => FluxbaseApiError.is(error, 'malformedResponse'));
  });

  it('refresh POSTs the held refresh token without credentials and holds the new access token', async () => {
    client.auth.useAccessToken('access-old', 'refresh-1');
    api.on('POST', REFRESH, { status: 200, body: sessionBody('access-new', 'refresh-1', false) });

    const session = await client.auth.refresh();

    assert.equal(session.access_token, 'access-new');
    assert.equal(api.requests[0]?.body, JSON.stringify({ refresh_token: 'refresh-1' }));
    assert.equal(api.requests[0]?.headers['authorization'], undefined);
    assert.deepEqual(client.auth.credentials, {
      type: 'session',
      accessToken: 'access-new',
      refreshToken: 'refresh-1',
    });
    assert.deepEqual(changes.at(-1), client.auth.credentials, 'the host learns the refreshed token');
  });

  it('refresh without a refresh token is an auth error and sends nothing', async () => {
    client.auth.useAccessToken('access-only');

    await assert.rejects(client.auth.refresh(), (error) => FluxbaseApiError.is(error, 'auth'));
    assert.equal(api.requests.length, 0);
  });

  it('a pasted token is trimmed; a token that cannot be a header is refused', () => {
    client.auth.useAccessToken('  tok-pasted\n', '  ');
    assert.deepEqual(client.auth.credentials, { type: 'session', accessToken: 'tok-pasted' });

    assert.throws(
      () => client.auth.useAccessToken('a\nb'),
      (error) => FluxbaseApiError.is(error, 'validation'),
    );
    assert.throws(
      () => client.auth.useServiceKey(''),
      (error) => FluxbaseApiError.is(error, 'validation'),
    );
  });

  it('signOut forgets the credentials and tells the host', () => {
    client.auth.useAccessToken('tok', 'ref');
    client.auth.signOut();

    assert.deepEqual(client.auth.credentials, { type: 'none' });
    assert.deepEqual(changes.at(-1), { type: 'none' });
  });

  it('starts with the credentials it was created with', async () => {
    const restored = api.client({ credentials: { type: 'serviceKey', key: 'sk_restored_01234' } });
    api.on('GET', '/api/v1/secrets/stats', { status: 200, body: { total: 0, expired: 0, expiring_soon: 0 } });

    await restored.secrets.stats();

    assert.equal(api.requests[0]?.headers['x-service-key'], 'sk_restored_01234');
  });
});

describe('Recovering from a 401 on a secrets route', () => {
  let api: MockApi;
  let client: FluxbaseClient;

  beforeEach(() => {
    api = new MockApi();
    client = api.client({ credentials: { type: 'session', accessToken: 'expired', refreshToken: 'refresh-1' } });
  });

  afterEach(async () => {
    api.assertAllUsed();
    await api.close();
  });

  /** Answers 401 to the expired token and 200 to the fresh one. */
  const byToken =
    (body: unknown) =>
    (request: RecordedRequest): { status: number; body: unknown } =>
      request.headers['authorization'] === 'Bearer fresh'
        ? { status: 200, body }
        : { status: 401, body: { error: 'Invalid or expired Bearer token' } };

  it('refreshes once and retries the request once with the new token', async () => {
    api.on(
      'PUT',
      '/api/v1/secrets/by-name/A',
      byToken(secretBody({ name: 'A', scope: 'global', namespace: undefined })),
      2,
    );
    api.on('POST', REFRESH, { status: 200, body: sessionBody('fresh', 'refresh-1', false) });

    await client.secrets.update('A', { value: 'v2-value' });

    assert.deepEqual(
      api.requests.map((r) => `${r.method} ${r.path} ${r.headers['authorization'] ?? '-'}`),
      [
        'PUT /api/v1/secrets/by-name/A Bearer expired',
        'POST /dashboard/auth/refresh -',
        'PUT /api/v1/secrets/by-name/A Bearer fresh',
      ],
    );
  });

  it('shares ONE refresh among many concurrent 401s and retries each request once', async () => {
    const count = 8;
    api.on('GET', '/api/v1/secrets', byToken([summaryBody()]), count * 2);
    api.on('POST', REFRESH, { status: 200, body: sessionBody('fresh', 'refresh-1', false) });

    const results = await Promise.all(Array.from({ length: count }, () => client.secrets.list()));

    assert.equal(results.length, count);
    assert.equal(api.sent('POST', REFRESH).length, 1);
    const lists = api.sent('GET', '/api/v1/secrets');
    assert.equal(lists.filter((r) => r.headers['authorization'] === 'Bearer expired').length, count);
    assert.equal(lists.filter((r) => r.headers['authorization'] === 'Bearer fresh').length, count);
  });

  it('a 401 that arrives after another request already refreshed retries without a second refresh', async () => {
    api.on('GET', '/api/v1/secrets', byToken([]), 2);
    api.on('POST', REFRESH, { status: 200, body: sessionBody('fresh', 'refresh-1', false) });
    api.on('GET', '/api/v1/secrets/stats', byToken({ total: 0, expired: 0, expiring_soon: 0 }), 1);

    const staleCredentials = client.auth.credentials;
    await client.secrets.list();
    // A request sent with the old token whose 401 comes in now:
    assert.equal(await client.auth.renewAfterUnauthorized(staleCredentials), true);
    await client.secrets.stats();

    assert.equal(api.sent('POST', REFRESH).length, 1);
  });

  it('fails as auth when the refresh is refused, without retrying the request', async () => {
    api.on('GET', '/api/v1/secrets', { status: 401, body: { error: 'Invalid or expired Bearer token' } });
    api.on('POST', REFRESH, { status: 401, body: { error: 'Invalid or expired refresh token', code: 401 } });

    await assert.rejects(client.secrets.list(), (error) => {
      assert.ok(FluxbaseApiError.is(error, 'auth'));
      assert.equal(error.message, 'The session has expired; sign in again');
      return true;
    });
    assert.equal(api.sent('GET', '/api/v1/secrets').length, 1);
  });

  it('fails as auth when the retried request is refused again (no second refresh)', async () => {
    api.on(
      'DELETE',
      '/api/v1/secrets/by-name/A',
      { status: 401, body: { error: 'Invalid or expired Bearer token' } },
      2,
    );
    api.on('POST', REFRESH, { status: 200, body: sessionBody('fresh', 'refresh-1', false) });

    await assert.rejects(client.secrets.delete('A'), (error) => FluxbaseApiError.is(error, 'auth'));
    assert.equal(api.sent('POST', REFRESH).length, 1);
  });

  it('does not refresh without a refresh token, nor for a service key', async () => {
    const tokenOnly = api.client({ credentials: { type: 'session', accessToken: 'expired' } });
    const keyed = api.client({ credentials: { type: 'serviceKey', key: 'sk_0123456789abcdef' } });
    api.on('GET', '/api/v1/secrets', { status: 401, body: { error: 'Invalid or expired Bearer token' } });
    api.on('GET', '/api/v1/secrets', { status: 401, body: { error: 'Invalid service key' } });

    await assert.rejects(tokenOnly.secrets.list(), (error) => FluxbaseApiError.is(error, 'auth'));
    await assert.rejects(keyed.secrets.list(), (error) => FluxbaseApiError.is(error, 'auth'));
    assert.equal(api.sent('POST', REFRESH).length, 0);
  });

  it('a sign-out during the refresh wins: the refreshed token is not kept', async () => {
    api.on('POST', REFRESH, (request) => {
      client.auth.signOut();
      return { status: 200, body: sessionBody('fresh', JSON.parse(request.body ?? '{}').refresh_token, false) };
    });

    await client.auth.refresh();

    assert.deepEqual(client.auth.credentials, { type: 'none' });
  });
});
