/** Response bodies shaped as the contract (§1.2, §3.5) says a server sends them, and the error a call fails with. */
import * as assert from 'node:assert/strict';
import type { AuthSession, DashboardUser } from '../../../src/core/api/authTypes';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import type { Secret, SecretStats, SecretSummary, SecretVersion } from '../../../src/core/api/secretTypes';

export const SECRET_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
export const USER_ID = '9b2e7a10-1c5d-4b8e-8f3a-6d7c5e4b3a21';

/** Drops keys whose value is undefined: the server omits such keys, it never sends them as undefined. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A namespace secret as get/update/rollback return it; an override of undefined removes the key. */
export function secretBody(overrides: Partial<Secret> = {}): Secret {
  return compact({
    id: SECRET_ID,
    name: 'STRIPE_KEY',
    scope: 'namespace',
    namespace: 'payments',
    description: 'Stripe API key',
    version: 2,
    created_at: '2026-04-01T12:00:00.123456Z',
    updated_at: '2026-04-02T08:30:00.5Z',
    created_by: USER_ID,
    updated_by: USER_ID,
    ...overrides,
  });
}

/** A list item: a secret plus `is_expired`. */
export function summaryBody(overrides: Partial<SecretSummary> = {}): SecretSummary {
  return compact({ ...secretBody(), is_expired: false, ...overrides });
}

/** One history row. */
export function versionBody(version: number, overrides: Partial<SecretVersion> = {}): SecretVersion {
  return {
    id: `00000000-0000-4000-8000-00000000000${version}`,
    secret_id: SECRET_ID,
    version,
    created_at: '2026-04-01T12:00:00Z',
    ...overrides,
  };
}

/** The stats body. */
export function statsBody(overrides: Partial<SecretStats> = {}): SecretStats {
  return { expired: 1, expiring_soon: 1, total: 5, ...overrides };
}

/** A dashboard user. */
export function userBody(overrides: Partial<DashboardUser> = {}): DashboardUser {
  return compact({
    id: USER_ID,
    email: 'admin@example.com',
    email_verified: true,
    full_name: 'Ada Admin',
    totp_enabled: false,
    is_active: true,
    is_locked: false,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    role: 'dashboard_admin',
    ...overrides,
  });
}

/** A login or 2FA answer with tokens; refresh sends the same without `user`. */
export function sessionBody(accessToken: string, refreshToken = 'refresh-token-1', withUser = true): AuthSession {
  return {
    access_token: accessToken,
    refresh_token: refreshToken,
    expires_in: 86400,
    ...(withUser ? { user: userBody() } : {}),
  };
}

/** The FluxbaseApiError a call fails with; fails the test when it succeeds or throws anything else. */
export async function failureOf(call: () => Promise<unknown>): Promise<FluxbaseApiError> {
  try {
    await call();
  } catch (error) {
    assert.ok(FluxbaseApiError.is(error), `expected a FluxbaseApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('the call should have failed');
}
