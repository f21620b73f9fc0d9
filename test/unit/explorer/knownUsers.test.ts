import * as assert from 'node:assert/strict';
import type { AuthPort } from '../../../src/core/connections/clientPort';
import { KnownUsers } from '../../../src/core/connections/knownUsers';
import type { SignedInUserClient } from '../../../src/core/connections/signedInUsers';

function client(credentials: AuthPort['credentials'], calls: string[]): SignedInUserClient {
  return {
    auth: {
      credentials,
      me: async () => {
        calls.push('me');
        return { id: 'user-1', email: 'me@example.com' } as Awaited<ReturnType<AuthPort['me']>>;
      },
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('KnownUsers (who "You" is in tree tooltips)', () => {
  it('answers unknown at first, starts one lookup, and knows the user afterwards', async () => {
    const calls: string[] = [];
    const users = new KnownUsers();
    const session = client({ type: 'session', accessToken: 't' }, calls);
    assert.equal(users.peek(session), undefined);
    await settle();
    assert.deepEqual(users.peek(session), { id: 'user-1', email: 'me@example.com' });
    users.peek(session);
    assert.deepEqual(calls, ['me']);
  });

  it('never asks for a service key, and asks nothing until something peeks', async () => {
    const calls: string[] = [];
    const users = new KnownUsers();
    const key = client({ type: 'serviceKey', key: 'k' }, calls);
    client({ type: 'session', accessToken: 't' }, calls);
    assert.equal(users.peek(key), undefined);
    await settle();
    assert.equal(users.peek(key), undefined);
    assert.deepEqual(calls, []);
  });
});
