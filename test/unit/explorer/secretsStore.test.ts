import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import type { SecretSummary } from '../../../src/core/api/secretTypes';
import { DAY, NOW } from './support/fakeFluxbase';
import { settingsConnection } from './support/fakes';
import { storeSetup } from './support/storeSetup';

describe('SecretsStore', () => {
  it('shows a connection without stored credentials as signed out, without any request', async () => {
    const { store, serverFor } = storeSetup();
    const fired: string[] = [];
    store.onDidChange(() => fired.push(store.connections()[0]!.status));
    await store.refresh();
    assert.deepEqual(fired, ['signedOut'], 'one change, no loading state before it');
    const [state] = store.connections();
    assert.equal(state?.status, 'signedOut');
    assert.deepEqual(state?.secrets, []);
    assert.deepEqual(serverFor('https://fluxbase.example.com').calls, []);
    assert.equal(store.clientFor(state!.id), undefined);
  });

  it('loads a signed-in connection with exactly one list request and computes its stats from the list', async () => {
    const setup = storeSetup();
    const server = setup.serverFor('https://fluxbase.example.com');
    server.seed({ name: 'PLAIN' });
    server.seed({ name: 'SOON', expires_at: new Date(NOW + 3 * DAY).toISOString() });
    server.seed({ name: 'GONE', expires_at: new Date(NOW - 60 * 60 * 1000).toISOString() });
    server.seed({ name: 'LATER', expires_at: new Date(NOW + 30 * DAY).toISOString() });
    await setup.signIn();
    const [state] = setup.store.connections();
    assert.equal(state?.status, 'ready');
    assert.deepEqual(
      state?.secrets.map((secret) => secret.name),
      ['PLAIN', 'SOON', 'GONE', 'LATER'],
    );
    assert.deepEqual(state?.stats, { total: 4, expiring_soon: 1, expired: 1 });
    assert.deepEqual(server.calls, ['list']);
    assert.ok(setup.store.clientFor(state!.id));
  });

  it('counts an expiry exactly 7 days ahead as not expiring soon (strict window)', async () => {
    const setup = storeSetup();
    const server = setup.serverFor('https://fluxbase.example.com');
    server.seed({ name: 'EDGE', expires_at: new Date(NOW + 7 * DAY).toISOString() });
    server.seed({ name: 'INSIDE', expires_at: new Date(NOW + 7 * DAY - 1000).toISOString() });
    await setup.signIn();
    assert.deepEqual(setup.store.connections()[0]?.stats, { total: 2, expiring_soon: 1, expired: 0 });
  });

  it('fires onDidChange after a refresh changes the state, and not when the list is the same', async () => {
    const setup = storeSetup();
    setup.serverFor('https://fluxbase.example.com').seed({ name: 'OLD' });
    let fired = 0;
    setup.store.onDidChange(() => fired++);
    await setup.signIn();
    assert.ok(fired >= 1);
    const before = fired;
    const listed = setup.store.connections()[0]?.secrets;
    await setup.store.refresh();
    assert.equal(fired, before, 'the same list again changes nothing');
    assert.equal(setup.store.connections()[0]?.secrets, listed, 'the state is kept, not replaced');
    setup.serverFor('https://fluxbase.example.com').seed({ name: 'NEW' });
    await setup.store.refresh();
    assert.equal(fired, before + 1, 'a changed list fires once');
    const [kept] = listed ?? [];
    assert.equal(
      setup.store.connections()[0]?.secrets[0],
      kept,
      'an unchanged secret keeps its object across refreshes',
    );
  });

  it('handles a list in a later turn than the one that parsed it, so that waiting work runs in between', async () => {
    const setup = storeSetup();
    await setup.signIn();
    setup.serverFor('https://fluxbase.example.com').seed({ name: 'NEW' });
    const client = setup.store.clientFor(setup.store.connections()[0]!.id)!;
    const order: string[] = [];
    const list = client.secrets.list.bind(client.secrets);
    client.secrets.list = async (options) => {
      const listed = await list(options);
      // work that became due while the response was parsed (a keystroke, a timer)
      setImmediate(() => order.push('waiting work'));
      return listed;
    };
    setup.store.onDidChange(() => order.push('store changed'));
    await setup.store.refresh();
    assert.deepEqual(order, ['waiting work', 'store changed']);
  });

  it('turns refused credentials into a session-expired state, not a rejection', async () => {
    const setup = storeSetup();
    await setup.signIn();
    const server = setup.serverFor('https://fluxbase.example.com');
    server.failNext('list', new FluxbaseApiError('auth', 'Invalid or expired Bearer token (401)', { status: 401 }));
    await setup.store.refresh();
    const [state] = setup.store.connections();
    assert.equal(state?.status, 'sessionExpired');
    assert.match(state?.error ?? '', /Invalid or expired Bearer token/);
    assert.deepEqual(state?.secrets, []);
  });

  it('turns an unreachable server into an error state with the reason', async () => {
    const setup = storeSetup();
    await setup.signIn();
    setup
      .serverFor('https://fluxbase.example.com')
      .failNext(
        'list',
        new FluxbaseApiError('network', 'Cannot reach https://fluxbase.example.com: connection refused'),
      );
    await setup.store.refresh();
    const [state] = setup.store.connections();
    assert.equal(state?.status, 'error');
    assert.match(state?.error ?? '', /connection refused/);
    assert.ok(setup.logger.lines.some((line) => line.startsWith('warn') && line.includes('connection refused')));
  });

  it('keeps showing the previous list while a refresh of a ready connection runs', async () => {
    const setup = storeSetup();
    setup.serverFor('https://fluxbase.example.com').seed({ name: 'A' });
    await setup.signIn();
    const statuses: string[] = [];
    setup.store.onDidChange(() => statuses.push(setup.store.connections()[0]!.status));
    setup.serverFor('https://fluxbase.example.com').seed({ name: 'B' });
    await setup.store.refresh();
    assert.deepEqual(statuses, ['ready'], 'no loading state in between');
  });

  it('refreshes only the connection it is asked to', async () => {
    const a = settingsConnection('A', 'https://a.example.com');
    const b = settingsConnection('B', 'https://b.example.com');
    const setup = storeSetup([a, b]);
    await setup.signIn(a);
    await setup.signIn(b);
    setup.serverFor(a.url).calls.length = 0;
    setup.serverFor(b.url).calls.length = 0;
    await setup.store.refresh(b.id);
    assert.deepEqual(setup.serverFor(a.url).calls, []);
    assert.deepEqual(setup.serverFor(b.url).calls, ['list']);
  });

  it('discards the result of an older refresh that finishes after a newer one', async () => {
    const setup = storeSetup();
    await setup.signIn();
    const client = setup.store.clientFor(setup.store.connections()[0]!.id)!;
    const original = client.secrets.list.bind(client.secrets);
    let releaseSlow: ((value: SecretSummary[]) => void) | undefined;
    let calls = 0;
    client.secrets.list = () =>
      ++calls === 1 ? new Promise<SecretSummary[]>((resolve) => (releaseSlow = resolve)) : original();
    const slow = setup.store.refresh();
    while (!releaseSlow) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    setup.serverFor('https://fluxbase.example.com').seed({ name: 'NEW' });
    await setup.store.refresh();
    releaseSlow([]);
    await slow;
    assert.deepEqual(
      setup.store.secretsFor(setup.store.connections()[0]!.id).map((secret) => secret.name),
      ['NEW'],
    );
  });

  it('follows the registry: drops removed connections and loads added ones', async () => {
    const a = settingsConnection('A', 'https://a.example.com');
    const b = settingsConnection('B', 'https://b.example.com');
    const setup = storeSetup([a]);
    await setup.signIn(a);
    await setup.credentials.set(b.id, { type: 'serviceKey', key: 'sk_test_0123456789abcdef' });
    const loaded = new Promise<void>((resolve) =>
      setup.store.onDidChange(() => {
        if (setup.store.connection(b.id)?.status === 'ready') {
          resolve();
        }
      }),
    );
    setup.registry.replace([b]);
    await loaded;
    assert.deepEqual(
      setup.store.connections().map((state) => state.name),
      ['B'],
    );
    assert.equal(setup.store.connection(a.id), undefined);
    assert.equal(setup.store.clientFor(a.id), undefined, 'the removed connection’s session is closed');
  });

  it('marks a connection session-expired when a command saw its credentials refused', async () => {
    const setup = storeSetup();
    await setup.signIn();
    const id = setup.store.connections()[0]!.id;
    setup.store.markSessionExpired(id, 'Invalid or expired Bearer token');
    assert.equal(setup.store.connection(id)?.status, 'sessionExpired');
    assert.equal(setup.store.connection(id)?.error, 'Invalid or expired Bearer token');
  });
});
