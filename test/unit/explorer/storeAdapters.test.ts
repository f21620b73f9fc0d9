import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { catalogOverStore, historySourceOverStore } from '../../../src/core/explorer/storeAdapters';
import { settingsConnection } from './support/fakes';
import { storeSetup } from './support/storeSetup';

describe('store adapters', () => {
  const a = settingsConnection('A', 'https://a.example.com');
  const b = settingsConnection('B', 'https://b.example.com');

  async function twoConnections() {
    const setup = storeSetup([a, b]);
    setup.serverFor(a.url).seed({ name: 'ONE' }, 'v', 3);
    await setup.signIn(a);
    await setup.store.refresh(b.id);
    return setup;
  }

  it('give the history panel the secret, its versions and rollback by id through the signed-in client', async () => {
    const setup = await twoConnections();
    const source = historySourceOverStore(setup.store);
    const [secret] = setup.store.secretsFor(a.id);
    const ref = { connectionId: a.id, id: secret!.id, name: 'ONE', scope: 'global' as const };
    assert.equal((await source.getSecret(ref)).name, 'ONE');
    assert.deepEqual(
      (await source.getVersions(ref)).map((version) => version.version),
      [3, 2, 1],
    );
    assert.equal((await source.rollback(ref, 1)).version, 4);
    assert.deepEqual(setup.serverFor(a.url).calls.slice(-3), ['getById', 'getVersionsById', 'rollbackById']);
    assert.equal(source.isSignedIn(a.id), true);
    assert.equal(source.isSignedIn(b.id), false);
  });

  it('fail as auth for a signed-out connection, and follow the store’s changes and refreshes', async () => {
    const setup = await twoConnections();
    const source = historySourceOverStore(setup.store);
    await assert.rejects(
      source.getSecret({ connectionId: b.id, id: 'x', name: 'x', scope: 'global' }),
      (error: unknown) => FluxbaseApiError.is(error, 'auth'),
    );
    let changes = 0;
    source.onDidChange(() => changes++);
    await source.refresh(a.id);
    assert.ok(changes > 0);
  });

  it('give the code features the secrets of ready connections and the signed-in connections', async () => {
    const setup = await twoConnections();
    const catalog = catalogOverStore(setup.store);
    assert.deepEqual(
      catalog.entries().map((entry) => [entry.connectionId, entry.connectionName, entry.secret.name]),
      [[a.id, 'A', 'ONE']],
    );
    assert.deepEqual(catalog.connections(), [{ id: a.id, name: 'A' }]);
  });
});
