import * as assert from 'node:assert/strict';
import type { Credentials, DashboardUser } from '../../../src/core/api/authTypes';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { SignedInUsers, type SignedInUserClient } from '../../../src/core/connections/signedInUsers';

const user: DashboardUser = {
  id: '3015ec95-0fc4-4a77-a2dd-5f459d274c2e',
  email: 'me@example.com',
  email_verified: true,
  totp_enabled: false,
  is_active: true,
  is_locked: false,
  created_at: '2026-04-01T12:00:00Z',
  updated_at: '2026-04-01T12:00:00Z',
};

/** A client whose `me` answers from a script, counting the requests. */
function fakeClient(credentials: Credentials, ...answers: (DashboardUser | Error)[]) {
  const client = {
    requests: 0,
    auth: {
      credentials,
      me: async (): Promise<DashboardUser> => {
        client.requests++;
        const answer = answers.shift();
        if (answer === undefined) {
          throw new Error('unexpected me() request');
        }
        if (answer instanceof Error) {
          throw answer;
        }
        return answer;
      },
    },
  };
  return client satisfies SignedInUserClient;
}

const session: Credentials = { type: 'session', accessToken: 'token' };

describe('SignedInUsers', () => {
  it('asks /dashboard/auth/me once per client and remembers the id and email', async () => {
    const users = new SignedInUsers();
    const client = fakeClient(session, user);
    const answers = await Promise.all([users.userOf(client), users.userOf(client)]);
    assert.deepEqual(await users.userOf(client), { id: user.id, email: user.email });
    assert.deepEqual(answers, [await users.userOf(client), await users.userOf(client)]);
    assert.equal(client.requests, 1);
  });

  it('never asks for a service key or a client without credentials: they have no user', async () => {
    const users = new SignedInUsers();
    for (const credentials of [{ type: 'serviceKey', key: 'sk_x' }, { type: 'none' }] as const) {
      const client = fakeClient(credentials);
      assert.equal(await users.userOf(client), undefined);
      assert.equal(client.requests, 0);
    }
  });

  it('remembers a refusal (403) or a missing route (404) as unknown, without asking again', async () => {
    const users = new SignedInUsers();
    for (const kind of ['forbidden', 'notFound'] as const) {
      const client = fakeClient(session, new FluxbaseApiError(kind, 'refused'));
      assert.equal(await users.userOf(client), undefined);
      assert.equal(await users.userOf(client), undefined);
      assert.equal(client.requests, 1, kind);
    }
  });

  it('asks again next time after a passing failure such as a network error', async () => {
    const users = new SignedInUsers();
    const client = fakeClient(session, new FluxbaseApiError('network', 'unreachable'), user);
    assert.equal(await users.userOf(client), undefined);
    assert.deepEqual(await users.userOf(client), { id: user.id, email: user.email });
    assert.equal(client.requests, 2);
  });
});
