import * as assert from 'node:assert/strict';
import { SECRETS_VIEW_KEY_ARGUMENT } from '../../../src/core/commandArgument';
import { pick } from './support/scriptedUserInput';
import { withSecrets } from './support/secretFixture';

describe('fluxbaseSecrets.showHistory (in the one table)', () => {
  it('opens the panel of the row or SecretRef it was given, with only the ref’s fields, asking nothing', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }]);
    const node = h.nodes.get('global/A')!;
    h.script([]);
    await h.run('fluxbaseSecrets.showHistory', node);
    await h.run('fluxbaseSecrets.showHistory', { ...node.ref, extra: 'not carried' });
    assert.deepEqual(h.historyShown, [node.ref, node.ref]);
    assert.deepEqual(h.notifier.shown, []);
  });

  it('asks which secret from the palette or for a key in the view without a tree', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }, { partial: { name: 'B' } }]);
    const input = h.script([pick(/Show Version History/, 'B')]);
    await h.run('fluxbaseSecrets.showHistory');
    input.assertDone();
    assert.deepEqual(
      h.historyShown.map((ref) => ref.name),
      ['B'],
    );
    const again = h.script([pick(/Show Version History/, 'A')]);
    await h.run('fluxbaseSecrets.showHistory', SECRETS_VIEW_KEY_ARGUMENT);
    again.assertDone();
    assert.deepEqual(
      h.historyShown.map((ref) => ref.name),
      ['B', 'A'],
      'without a tree, a key in the view asks instead',
    );
    assert.deepEqual(h.notifier.shown, []);
  });

  it('reports its failures as its own', async () => {
    const h = await withSecrets([]);
    h.script([]);
    await h.run('fluxbaseSecrets.showHistory');
    assert.deepEqual(
      h.notifier.shown.map((shown) => shown.message),
      ['There is no secret yet: create one with "Fluxbase Secrets: Create Secret".'],
    );
    assert.deepEqual(h.historyShown, []);
  });
});
