/**
 * Dashboard auth (contract §3.5 A): login, 2FA, refresh, /me and the
 * lockout, over real HTTP.
 */
import * as assert from 'node:assert/strict';
import { decodeBase32, totpCode } from '../../../server/auth/totp';
import { ADMIN, loginAdmin, RawResponse, send, startTestServer, TestServer } from './serverHarness';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

function fiberError(response: RawResponse, status: number, message: string): void {
  assert.equal(response.status, status, response.text);
  assert.equal(response.text, JSON.stringify({ code: status, error: message }));
}

function decodeJwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('server: dashboard auth', function () {
  this.timeout(30_000);
  describe('login, refresh and me', () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ admin: ADMIN, accessTtlSeconds: 600, refreshTtlSeconds: 3600 });
    });
    after(() => server.close());

    it('login answers access_token, expires_in, refresh_token, user (alphabetical) with upstream claims', async () => {
      const response = await send(server.url, 'POST', '/dashboard/auth/login', { json: ADMIN });
      assert.equal(response.status, 200);
      const body = response.json as Record<string, unknown>;
      assert.deepEqual(Object.keys(body), ['access_token', 'expires_in', 'refresh_token', 'user']);
      assert.equal(body.expires_in, 600);
      const user = body.user as Record<string, unknown>;
      assert.deepEqual(Object.keys(user).slice(0, 3), ['id', 'email', 'email_verified']);
      assert.equal(user.email, ADMIN.email);
      assert.equal(user.totp_enabled, false);
      assert.equal('role' in user, false);
      const claims = decodeJwtPayload(String(body.access_token));
      for (const claim of [
        'user_id',
        'email',
        'role',
        'session_id',
        'token_type',
        'iss',
        'sub',
        'iat',
        'exp',
        'nbf',
        'jti',
      ]) {
        assert.ok(claim in claims, claim);
      }
      assert.equal(claims.role, 'dashboard_admin');
      assert.equal(claims.iss, 'fluxbase');
      assert.equal(claims.token_type, 'access');
      assert.equal(Number(claims.exp) - Number(claims.iat), 600);
      assert.equal(decodeJwtPayload(String(body.refresh_token)).token_type, 'refresh');
    });

    it('login errors: Invalid request body, Email and password are required', async () => {
      fiberError(
        await send(server.url, 'POST', '/dashboard/auth/login', {
          body: 'x',
          headers: { 'Content-Type': 'application/json' },
        }),
        400,
        'Invalid request body',
      );
      fiberError(
        await send(server.url, 'POST', '/dashboard/auth/login', { json: { email: ADMIN.email } }),
        400,
        'Email and password are required',
      );
    });

    it('a wrong password or an unknown email: 401 Invalid email or password (upstream sends 500)', async () => {
      fiberError(
        await send(server.url, 'POST', '/dashboard/auth/login', { json: { ...ADMIN, password: 'wrong' } }),
        401,
        'Invalid email or password',
      );
      fiberError(
        await send(server.url, 'POST', '/dashboard/auth/login', { json: { email: 'nobody@x.test', password: 'x' } }),
        401,
        'Invalid email or password',
      );
    });

    it('refresh returns a new access token and the same refresh token', async () => {
      const tokens = await loginAdmin(server.url);
      server.clock.advanceSeconds(5);
      const response = await send(server.url, 'POST', '/dashboard/auth/refresh', {
        json: { refresh_token: tokens.refreshToken },
      });
      assert.equal(response.status, 200);
      const body = response.json as Record<string, unknown>;
      assert.deepEqual(Object.keys(body), ['access_token', 'expires_in', 'refresh_token']);
      assert.equal(body.refresh_token, tokens.refreshToken);
      assert.notEqual(body.access_token, tokens.accessToken);
      const secrets = await send(server.url, 'GET', '/api/v1/secrets', {
        headers: { Authorization: `Bearer ${String(body.access_token)}` },
      });
      assert.equal(secrets.status, 200);
    });

    it('refresh errors: Refresh token is required; an access token, garbage or an expired token: 401', async () => {
      fiberError(
        await send(server.url, 'POST', '/dashboard/auth/refresh', { json: {} }),
        400,
        'Refresh token is required',
      );
      const tokens = await loginAdmin(server.url);
      for (const token of [tokens.accessToken, 'garbage']) {
        fiberError(
          await send(server.url, 'POST', '/dashboard/auth/refresh', { json: { refresh_token: token } }),
          401,
          'Invalid or expired refresh token',
        );
      }
      server.clock.advanceSeconds(3601);
      fiberError(
        await send(server.url, 'POST', '/dashboard/auth/refresh', { json: { refresh_token: tokens.refreshToken } }),
        401,
        'Invalid or expired refresh token',
      );
    });

    it('me returns the user with role dashboard_admin', async () => {
      const tokens = await loginAdmin(server.url);
      const response = await send(server.url, 'GET', '/dashboard/auth/me', {
        headers: { Authorization: `Bearer ${tokens.accessToken}` },
      });
      assert.equal(response.status, 200);
      const user = response.json as Record<string, unknown>;
      assert.equal(user.email, ADMIN.email);
      assert.equal(user.role, 'dashboard_admin');
      assert.equal(Object.keys(user).at(-1), 'role');
    });

    it('me errors: Missing authorization header, Invalid authorization header, Invalid token', async () => {
      const tokens = await loginAdmin(server.url);
      fiberError(await send(server.url, 'GET', '/dashboard/auth/me'), 401, 'Missing authorization header');
      fiberError(
        await send(server.url, 'GET', '/dashboard/auth/me', {
          headers: { Authorization: `Token ${tokens.accessToken}` },
        }),
        401,
        'Invalid authorization header',
      );
      fiberError(
        await send(server.url, 'GET', '/dashboard/auth/me', {
          headers: { Authorization: `Bearer ${tokens.refreshToken}` },
        }),
        401,
        'Invalid token',
      );
    });

    it('an unknown dashboard route or method is 404 Not Found with its path', async () => {
      const response = await send(server.url, 'GET', '/dashboard/auth/login');
      assert.equal(response.text, '{"error":"Not Found","path":"/dashboard/auth/login"}');
    });
  });

  describe('lockout', () => {
    it('the 5th failure locks for 15 minutes, even against the right password; then login works', async () => {
      const server = await startTestServer({ admin: ADMIN });
      try {
        const wrong = { ...ADMIN, password: 'wrong' };
        for (let i = 0; i < 5; i++) {
          fiberError(
            await send(server.url, 'POST', '/dashboard/auth/login', { json: wrong }),
            401,
            'Invalid email or password',
          );
        }
        const locked = 'Account is locked due to too many failed login attempts';
        fiberError(await send(server.url, 'POST', '/dashboard/auth/login', { json: ADMIN }), 403, locked);
        server.clock.advanceSeconds(14 * 60);
        fiberError(await send(server.url, 'POST', '/dashboard/auth/login', { json: ADMIN }), 403, locked);
        server.clock.advanceSeconds(61);
        assert.equal((await send(server.url, 'POST', '/dashboard/auth/login', { json: ADMIN })).status, 200);
      } finally {
        await server.close();
      }
    });

    it('a successful login resets the failure count', async () => {
      const server = await startTestServer({ admin: ADMIN });
      try {
        const wrong = { ...ADMIN, password: 'wrong' };
        for (let i = 0; i < 4; i++) await send(server.url, 'POST', '/dashboard/auth/login', { json: wrong });
        assert.equal((await send(server.url, 'POST', '/dashboard/auth/login', { json: ADMIN })).status, 200);
        for (let i = 0; i < 4; i++) await send(server.url, 'POST', '/dashboard/auth/login', { json: wrong });
        assert.equal((await send(server.url, 'POST', '/dashboard/auth/login', { json: ADMIN })).status, 200);
      } finally {
        await server.close();
      }
    });
  });

  describe('two-factor login', () => {
    let server: TestServer;
    const secret = decodeBase32(TOTP_SECRET) as Buffer;
    const code = (offsetSteps = 0): string =>
      totpCode(secret, Math.floor(server.clock.micros / 1e6) + offsetSteps * 30);

    before(async () => {
      server = await startTestServer({ admin: { ...ADMIN, totpSecret: TOTP_SECRET } });
    });
    after(() => server.close());
    // A TOTP step is accepted once: each test starts three steps after the last.
    beforeEach(() => server.clock.advanceSeconds(90));

    async function passwordStep(): Promise<string> {
      const response = await send(server.url, 'POST', '/dashboard/auth/login', { json: ADMIN });
      assert.equal(response.status, 200);
      assert.deepEqual(Object.keys(response.json as object), ['requires_2fa', 'user_id']);
      const body = response.json as { requires_2fa: boolean; user_id: string };
      assert.equal(body.requires_2fa, true);
      return body.user_id;
    }

    it('login asks for the code; verify with the current code returns a session', async () => {
      const userId = await passwordStep();
      const response = await send(server.url, 'POST', '/dashboard/auth/2fa/verify', {
        json: { user_id: userId, code: code() },
      });
      assert.equal(response.status, 200, response.text);
      const body = response.json as Record<string, unknown>;
      assert.deepEqual(Object.keys(body), ['access_token', 'expires_in', 'refresh_token', 'user']);
      assert.equal((body.user as { totp_enabled: boolean }).totp_enabled, true);
    });

    it('accepts the code of the previous and next 30-second step, not two steps away', async () => {
      const userId = await passwordStep();
      const far = await send(server.url, 'POST', '/dashboard/auth/2fa/verify', {
        json: { user_id: userId, code: code(2) },
      });
      fiberError(far, 401, 'Invalid 2FA code');
      const previous = await send(server.url, 'POST', '/dashboard/auth/2fa/verify', {
        json: { user_id: userId, code: code(-1) },
      });
      assert.equal(previous.status, 200);
      const again = await passwordStep();
      const next = await send(server.url, 'POST', '/dashboard/auth/2fa/verify', {
        json: { user_id: again, code: code(1) },
      });
      assert.equal(next.status, 200);
    });

    it('verify errors: required fields, Invalid user ID, Invalid 2FA code', async () => {
      fiberError(
        await send(server.url, 'POST', '/dashboard/auth/2fa/verify', { json: { user_id: 'x' } }),
        400,
        'User ID and code are required',
      );
      fiberError(
        await send(server.url, 'POST', '/dashboard/auth/2fa/verify', { json: { user_id: 'x', code: '123456' } }),
        400,
        'Invalid user ID',
      );
      const userId = await passwordStep();
      const wrong = code() === '000000' ? '111111' : '000000';
      fiberError(
        await send(server.url, 'POST', '/dashboard/auth/2fa/verify', { json: { user_id: userId, code: wrong } }),
        401,
        'Invalid 2FA code',
      );
    });

    it('verify without a password step first is refused (deliberate difference)', async () => {
      const userId = await passwordStep();
      assert.equal(
        (await send(server.url, 'POST', '/dashboard/auth/2fa/verify', { json: { user_id: userId, code: code() } }))
          .status,
        200,
      );
      const replay = await send(server.url, 'POST', '/dashboard/auth/2fa/verify', {
        json: { user_id: userId, code: code() },
      });
      fiberError(replay, 401, 'Invalid 2FA code');
    });
  });
});
