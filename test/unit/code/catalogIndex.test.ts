import * as assert from 'node:assert/strict';
import { CatalogIndex } from '../../../src/core/code/catalogIndex';
import { entry } from './catalogFixtures';
import { FakeCatalog } from './fakeCatalog';

describe('CatalogIndex', () => {
  it('rebuilds after a catalog change and tells its listeners once the new state is readable', () => {
    const catalog = new FakeCatalog([entry({ name: 'A' })]);
    const index = new CatalogIndex(catalog);
    assert.deepEqual([...index.byVariable().keys()], ['FLUXBASE_SECRET_A']);
    const seen: string[][] = [];
    index.onDidChange(() => seen.push([...index.byVariable().keys()]));
    catalog.set([entry({ name: 'B' })], []);
    assert.deepEqual(seen, [['FLUXBASE_SECRET_B']]);
    assert.equal(index.signedInConnections(), 0);
    index.dispose();
    catalog.set([entry({ name: 'C' })]);
    assert.deepEqual(seen.length, 1);
  });
});
