import * as assert from 'node:assert/strict';
import { catalogOverStore } from '../../../src/core/explorer/storeCatalog';
import { settingsConnection } from './support/fakes';
import { storeSetup } from './support/storeSetup';

describe('catalogOverStore', () => {
  const a = settingsConnection('A', 'https://a.example.com');
  const b = settingsConnection('B', 'https://b.example.com');

  it('gives the code features the secrets of ready connections and the signed-in connections, without requests', async () => {
    const setup = storeSetup([a, b]);
    setup.serverFor(a.url).seed({ name: 'ONE' });
    await setup.signIn(a);
    await setup.store.refresh(b.id);
    const calls = setup.serverFor(a.url).calls.length;
    const catalog = catalogOverStore(setup.store);
    assert.deepEqual(
      catalog.entries().map((entry) => [entry.connectionId, entry.connectionName, entry.secret.name]),
      [[a.id, 'A', 'ONE']],
    );
    assert.deepEqual(catalog.connections(), [{ id: a.id, name: 'A' }]);
    assert.equal(setup.serverFor(a.url).calls.length, calls);
  });

  it('leaves out the secrets of a connection that is not ready and fires with the store', async () => {
    const setup = storeSetup([a]);
    setup.serverFor(a.url).seed({ name: 'ONE' });
    await setup.signIn(a);
    const catalog = catalogOverStore(setup.store);
    let changes = 0;
    catalog.onDidChange(() => changes++);
    setup.store.markSessionExpired(a.id, 'expired');
    assert.deepEqual(catalog.entries(), []);
    assert.equal(changes, 1);
  });
});
