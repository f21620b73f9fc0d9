import * as assert from 'node:assert/strict';
import {
  arrayOf,
  isAuthSession,
  isDashboardUser,
  isLoginResponse,
  isSecret,
  isSecretStats,
  isSecretSummary,
  isSecretVersion,
  type Guard,
} from '../../../src/core/api/responseGuards';
import { secretBody, sessionBody, statsBody, summaryBody, userBody, versionBody, USER_ID } from './fixtures';

/** Each variant breaks exactly one field of a valid body. */
function assertRejectsEachBreak(guard: Guard<unknown>, valid: object, breaks: Record<string, unknown>): void {
  assert.ok(guard(valid), 'the valid body passes');
  for (const [field, value] of Object.entries(breaks)) {
    const broken: Record<string, unknown> = { ...valid, [field]: value };
    if (value === undefined) {
      delete broken[field];
    }
    assert.ok(!guard(broken), `rejects ${field} = ${JSON.stringify(value)}`);
  }
}

describe('Response guards: every body is checked field by field before use', () => {
  it('Secret: required fields, the scope enum, optional strings, a version ≥ 1; extra keys allowed', () => {
    assertRejectsEachBreak(isSecret, secretBody(), {
      id: undefined,
      name: 5,
      scope: 'all',
      namespace: null,
      description: 7,
      version: 0,
      expires_at: false,
      created_at: undefined,
      updated_at: null,
      created_by: 1,
      updated_by: {},
    });
    assert.ok(isSecret({ ...secretBody(), future_field: true }));
    assert.ok(isSecret(secretBody({ scope: 'global', namespace: undefined, description: '' })));
    for (const notObject of [null, 'x', 3, [secretBody()]]) {
      assert.ok(!isSecret(notObject));
    }
  });

  it('SecretSummary: a Secret plus a boolean is_expired', () => {
    assertRejectsEachBreak(isSecretSummary, summaryBody(), { is_expired: undefined, version: 1.5, name: undefined });
    assert.ok(!isSecretSummary({ ...summaryBody(), is_expired: 'false' }));
  });

  it('SecretVersion and SecretStats', () => {
    assertRejectsEachBreak(isSecretVersion, versionBody(1, { created_by: USER_ID }), {
      id: undefined,
      secret_id: 3,
      version: '1',
      created_at: undefined,
      created_by: null,
    });
    assertRejectsEachBreak(isSecretStats, statsBody(), { total: undefined, expiring_soon: -1, expired: '1' });
  });

  it('DashboardUser, AuthSession (with or without user) and the login answer', () => {
    assertRejectsEachBreak(isDashboardUser, userBody(), {
      id: undefined,
      email: null,
      email_verified: 'yes',
      totp_enabled: undefined,
      is_active: 1,
      is_locked: undefined,
      role: 3,
      created_at: undefined,
    });
    assertRejectsEachBreak(isAuthSession, sessionBody('a'), {
      access_token: '',
      refresh_token: undefined,
      expires_in: '86400',
      user: { id: 'x' },
    });
    assert.ok(isAuthSession(sessionBody('a', 'r', false)));
    assert.ok(isLoginResponse({ requires_2fa: true, user_id: USER_ID }));
    assert.ok(!isLoginResponse({ requires_2fa: true }));
    assert.ok(!isLoginResponse({ requires_2fa: false, user_id: USER_ID }));
  });

  it('arrays are checked item by item', () => {
    const list = arrayOf(isSecretSummary);
    assert.ok(list([]));
    assert.ok(list([summaryBody(), summaryBody()]));
    assert.ok(!list([summaryBody(), { ...summaryBody(), id: 1 }]));
    assert.ok(!list(null));
    assert.ok(!list({ 0: summaryBody(), length: 1 }));
  });
});
