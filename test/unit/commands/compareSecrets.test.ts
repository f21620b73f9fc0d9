import * as assert from 'node:assert/strict';
import { settingsConnection } from '../explorer/support/fakes';
import { commandHarness } from './support/commandHarness';
import { pickMany } from './support/scriptedUserInput';

describe('fluxbaseSecrets.compareSecrets', () => {
  it('opens a panel with the checked scopes; the row it was run on starts checked', async () => {
    const h = commandHarness([settingsConnection('Prod'), settingsConnection('Staging')]);
    const [prod, staging] = h.store.connections();
    assert.ok(prod && staging);
    let offered: string[] = [];
    h.script([
      pickMany(/Compare Secrets/, (items) => {
        offered = items.map((item) => `${item.label}${item.picked ? ' (checked)' : ''}`);
        return items.filter((item) => item.picked || item.label === 'Staging · Global');
      }),
    ]);
    await h.run('fluxbaseSecrets.compareSecrets', { kind: 'connection', connectionId: prod.id });
    assert.deepEqual(offered, ['Prod · Global (checked)', 'Staging · Global']);
    assert.deepEqual(h.compareOpened, [
      [
        { connectionId: prod.id, scope: { kind: 'global' } },
        { connectionId: staging.id, scope: { kind: 'global' } },
      ],
    ]);
  });

  it("run on a Namespaces row, starts with that connection's Global and namespaces checked", async () => {
    const h = commandHarness([settingsConnection('Prod'), settingsConnection('Staging')]);
    const [prod] = h.store.connections();
    assert.ok(prod);
    h.server.seed({ name: 'A' });
    h.server.seed({ name: 'B', scope: 'namespace', namespace: 'web' });
    await h.signIn();
    let checked: string[] = [];
    h.script([
      pickMany(/Compare Secrets/, (items) => {
        checked = items.filter((item) => item.picked).map((item) => item.label);
        return items.filter((item) => item.picked);
      }),
    ]);
    await h.run('fluxbaseSecrets.compareSecrets', { kind: 'scope', scope: 'namespaces', connectionId: prod.id });
    assert.deepEqual(checked, ['Prod · Global', 'Prod · web']);
    assert.equal(h.compareOpened.length, 1);
  });

  it('opens nothing when fewer than two scopes are checked', async () => {
    const h = commandHarness([settingsConnection('Prod'), settingsConnection('Staging')]);
    h.script([pickMany(/Compare Secrets/, (items) => items.slice(0, 1))]);
    await h.run('fluxbaseSecrets.compareSecrets');
    assert.deepEqual(h.compareOpened, []);
    assert.match(JSON.stringify(h.notifier.shown), /at least two/);
  });
});
