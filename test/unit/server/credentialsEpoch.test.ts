/**
 * Sessions end with the credentials (issue 12, item 9): after a restart with
 * a new FLUXBASE_ADMIN_PASSWORD, access and refresh tokens issued before are
 * refused with the contract's 401 texts; a restart with the same password
 * keeps them; after FLUXBASE_ADMIN_EMAIL changes, the previous admin is
 * deactivated (the log says so), cannot sign in, and its tokens are refused.
 */
import * as assert from 'node:assert/strict';
import { ADMIN, answerOf, loginAdmin, RawResponse, send, startTestServer, TestServer } from './serverHarness';

type Tokens = { accessToken: string; refreshToken: string };

function fiberError(status: number, message: string): string {
  return JSON.stringify({ code: status, error: message });
}

async function useTokens(server: TestServer, tokens: Tokens): Promise<RawResponse[]> {
  const bearer = { Authorization: `Bearer ${tokens.accessToken}` };
  return [
    await send(server.url, 'GET', '/api/v1/secrets', { headers: bearer }),
    await send(server.url, 'GET', '/dashboard/auth/me', { headers: bearer }),
    await send(server.url, 'POST', '/dashboard/auth/refresh', { json: { refresh_token: tokens.refreshToken } }),
  ];
}

function assertRefused([secrets, me, refresh]: RawResponse[]): void {
  assert.equal(secrets?.status, 401);
  assert.equal(answerOf(secrets as RawResponse), '{"error":"Invalid or expired Bearer token"}');
  assert.equal(answerOf(me as RawResponse), fiberError(401, 'Invalid token'));
  assert.equal(answerOf(refresh as RawResponse), fiberError(401, 'Invalid or expired refresh token'));
}

function assertAccepted(responses: RawResponse[]): void {
  assert.deepEqual(
    responses.map((response) => response.status),
    [200, 200, 200],
    responses.map(answerOf).join('\n'),
  );
}

describe('server: credentials epoch', function () {
  this.timeout(60_000);
  let server: TestServer;

  afterEach(() => server.close());

  async function restart(admin: { email: string; password: string }): Promise<void> {
    await server.server.close();
    server = await startTestServer({ admin, dataDir: server.dataDir });
  }

  it('a new admin password refuses the access and refresh tokens issued before it', async () => {
    server = await startTestServer({ admin: ADMIN });
    const before = await loginAdmin(server.url);
    await restart(ADMIN);
    assertAccepted(await useTokens(server, before));

    await restart({ ...ADMIN, password: 'a brand new password' });
    assertRefused(await useTokens(server, before));
    const fresh = await send(server.url, 'POST', '/dashboard/auth/login', {
      json: { ...ADMIN, password: 'a brand new password' },
    });
    assert.equal(fresh.status, 200);
    const body = fresh.json as { access_token: string; refresh_token: string };
    assertAccepted(await useTokens(server, { accessToken: body.access_token, refreshToken: body.refresh_token }));
  });

  it('a new admin email deactivates the previous admin: no sign-in, tokens refused, the log says so', async () => {
    server = await startTestServer({ admin: ADMIN });
    const before = await loginAdmin(server.url);
    const next = { email: 'next-admin@example.test', password: 'another password' };
    await restart(next);
    assert.ok(
      server.logs.includes(`Dashboard admin ${ADMIN.email} is deactivated: FLUXBASE_ADMIN_EMAIL is now ${next.email}`),
      server.logs.join('\n'),
    );
    assertRefused(await useTokens(server, before));
    const old = await send(server.url, 'POST', '/dashboard/auth/login', { json: ADMIN });
    assert.equal(answerOf(old), fiberError(403, 'Account is inactive'));
    assert.equal((await send(server.url, 'POST', '/dashboard/auth/login', { json: next })).status, 200);

    await restart(next);
    assert.ok(!server.logs.some((line) => line.includes('deactivated')), 'a restart with the same admin: no news');
  });
});
