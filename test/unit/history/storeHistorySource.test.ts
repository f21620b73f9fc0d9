import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import type { Secret } from '../../../src/core/api/secretTypes';
import type { AuthPort, SecretsPort } from '../../../src/core/connections/clientPort';
import { Emitter } from '../../../src/shared/disposable';
import type { ConnectionStatus, SecretsStore } from '../../../src/core/explorer/secretsStore';
import { createStoreHistorySource, type HistoryStorePort } from '../../../src/core/history/storeHistorySource';
import { stripeRef, stripeSecret, versionRow } from './historyFixtures';

const dashboardUser = {
  id: 'admin-1',
  email: 'admin@example.com',
  email_verified: true,
  totp_enabled: false,
  is_active: true,
  is_locked: false,
  created_at: '2026-04-01T12:00:00Z',
  updated_at: '2026-04-01T12:00:00Z',
};

function unexpected(): Promise<never> {
  return Promise.reject(new Error('not used by the history source'));
}

class FakeStore implements HistoryStorePort {
  status: ConnectionStatus = 'ready';
  signedIn = true;
  readonly calls: string[] = [];
  readonly expired: string[] = [];
  readonly refreshed: (string | undefined)[] = [];
  readonly changes = new Emitter<void>();
  failWith: unknown;

  connections() {
    return [{ id: 'prod', name: 'Prod', url: 'https://prod.example.com', status: this.status }];
  }

  readonly secrets: SecretsPort = {
    list: unexpected,
    stats: unexpected,
    create: unexpected,
    updateById: unexpected,
    deleteById: unexpected,
    getById: async (id) => this.answer(`getById ${id}`, stripeSecret()),
    getVersionsById: async (id) => this.answer(`getVersionsById ${id}`, [versionRow(1, '2026-04-01T12:00:00Z')]),
    rollbackById: async (id, version) => this.answer(`rollbackById ${id} ${version}`, stripeSecret({ version: 4 })),
  };

  credentials: AuthPort['credentials'] = { type: 'session', accessToken: 'token' };
  client = this.newClient();

  /** A new session's client: a sign-in or a restore gives the store a new one. */
  newClient() {
    const credentials = (): AuthPort['credentials'] => this.credentials;
    const auth: Pick<AuthPort, 'credentials' | 'me'> = {
      get credentials() {
        return credentials();
      },
      me: async () => {
        this.calls.push('me');
        return { ...dashboardUser, id: 'admin-1', email: 'admin@example.com' };
      },
    };
    return { secrets: this.secrets, auth };
  }

  clientFor(connectionId: string) {
    this.calls.push(`clientFor ${connectionId}`);
    return this.signedIn ? this.client : undefined;
  }

  connection() {
    return { status: this.status };
  }

  onDidChange(listener: () => void) {
    return this.changes.event(listener);
  }

  async refresh(connectionId?: string): Promise<void> {
    this.refreshed.push(connectionId);
  }

  markSessionExpired(connectionId: string, message: string): void {
    this.expired.push(`${connectionId}: ${message}`);
  }

  private answer<T>(call: string, value: T): T {
    this.calls.push(call);
    if (this.failWith !== undefined) {
      throw this.failWith;
    }
    return value;
  }
}

describe('createStoreHistorySource', () => {
  it("reads and rolls back through the connection's client on the ID routes", async () => {
    const store = new FakeStore();
    const source = createStoreHistorySource(store);
    const secret: Secret = await source.getSecret(stripeRef);
    await source.getVersions(stripeRef);
    const rolledBack = await source.rollback(stripeRef, 1);
    assert.equal(secret.version, 3);
    assert.equal(rolledBack.version, 4);
    assert.deepEqual(
      store.calls.filter((call) => !call.startsWith('clientFor')),
      [`getById ${stripeRef.id}`, `getVersionsById ${stripeRef.id}`, `rollbackById ${stripeRef.id} 1`],
    );
    assert.ok(store.calls.includes('clientFor local'));
  });

  it('fails with an auth error, without a request, when the connection has no client', async () => {
    const store = new FakeStore();
    store.signedIn = false;
    const source = createStoreHistorySource(store);
    await assert.rejects(source.getSecret(stripeRef), (error) => FluxbaseApiError.is(error, 'auth'));
    assert.deepEqual(store.expired, []);
  });

  it('marks the session expired when the server refuses the credentials, and passes the error on', async () => {
    const store = new FakeStore();
    store.failWith = new FluxbaseApiError('auth', 'Unauthorized (401)', { status: 401 });
    const source = createStoreHistorySource(store);
    await assert.rejects(source.getVersions(stripeRef), (error) => FluxbaseApiError.is(error, 'auth'));
    assert.deepEqual(store.expired, ['local: Unauthorized (401)']);
  });

  it('does not mark the session for other failures', async () => {
    const store = new FakeStore();
    store.failWith = new FluxbaseApiError('notFound', 'Secret not found (404)', { status: 404 });
    const source = createStoreHistorySource(store);
    await assert.rejects(source.getSecret(stripeRef), (error) => FluxbaseApiError.is(error, 'notFound'));
    assert.deepEqual(store.expired, []);
  });

  it('counts a connection as signed in only with a client and a session that has not expired', () => {
    const store = new FakeStore();
    const source = createStoreHistorySource(store);
    assert.equal(source.isSignedIn('local'), true);
    store.status = 'sessionExpired';
    assert.equal(source.isSignedIn('local'), false, 'an expired session would loop: 401, mark expired, change, reload');
    store.status = 'signedOut';
    assert.equal(source.isSignedIn('local'), false);
    store.status = 'loading';
    assert.equal(source.isSignedIn('local'), true);
    store.signedIn = false;
    assert.equal(source.isSignedIn('local'), false);
  });

  it("forwards the store's change events and refreshes the one connection", async () => {
    const store = new FakeStore();
    const source = createStoreHistorySource(store);
    let changes = 0;
    const subscription = source.onDidChange(() => changes++);
    store.changes.fire();
    subscription.dispose();
    store.changes.fire();
    await source.refresh('local');
    assert.equal(changes, 1);
    assert.deepEqual(store.refreshed, ['local']);
  });

  it('asks who is signed in once per session, however often panels load', async () => {
    const store = new FakeStore();
    const source = createStoreHistorySource(store);
    const users = await Promise.all([source.currentUser?.('local'), source.currentUser?.('local')]);
    await source.currentUser?.('local');
    assert.deepEqual(users, [
      { id: 'admin-1', email: 'admin@example.com' },
      { id: 'admin-1', email: 'admin@example.com' },
    ]);
    assert.equal(store.calls.filter((call) => call === 'me').length, 1);
    store.client = store.newClient();
    await source.currentUser?.('local');
    assert.equal(store.calls.filter((call) => call === 'me').length, 2, 'a new session is asked afresh');
  });

  it('knows no user, without a request, for a service key or when signed out', async () => {
    const store = new FakeStore();
    store.credentials = { type: 'serviceKey', key: 'sk_test' };
    const source = createStoreHistorySource(store);
    assert.equal(await source.currentUser?.('local'), undefined);
    store.signedIn = false;
    assert.equal(await source.currentUser?.('local'), undefined);
    assert.deepEqual(
      store.calls.filter((call) => call === 'me'),
      [],
    );
  });

  it("fits the explorer's SecretsStore", () => {
    // Compile-time check: the real store must satisfy the port.
    const fits = (store: SecretsStore): HistoryStorePort => store;
    assert.equal(typeof fits, 'function');
  });
});
