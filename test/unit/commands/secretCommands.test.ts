import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { DAY, NOW } from '../explorer/support/fakeFluxbase';
import { CANCEL, choose, pick, text } from './support/scriptedUserInput';
import { withSecrets } from './support/secretFixture';
import { settingsConnection } from '../explorer/support/fakes';

const NEW_VALUE = 'new-value-canary-4711';

describe('fluxbaseSecrets.updateSecretValue', () => {
  it('asks in a hidden box that says the value cannot be shown and which version saving makes', async () => {
    const h = await withSecrets([{ partial: { name: 'TOKEN' }, versions: 2 }]);
    const node = h.nodes.get('global/TOKEN')!;
    h.script([
      text(/The current value cannot be shown\. Saving a new value makes version 3\./, NEW_VALUE, { password: true }),
    ]);
    await h.run('fluxbaseSecrets.updateSecretValue', node);
    assert.equal(h.server.valueOf(node.ref.id), NEW_VALUE);
    assert.deepEqual(h.server.calls, ['updateById', 'list']);
    assert.equal(h.store.secretsFor(node.connectionId)[0]?.version, 3, 'the tree shows the new version');
    assert.match(h.notifier.shown[0]!.message, /now version 3/);
    assert.ok(!h.logger.lines.join('\n').includes(NEW_VALUE));
  });

  it('takes a SecretRef it does not hold and fetches its metadata by id, once', async () => {
    const h = await withSecrets([{ partial: { name: 'TOKEN' } }]);
    const ref = { ...h.nodes.get('global/TOKEN')!.ref };
    h.store.markSessionExpired(ref.connectionId, 'the store no longer holds the list');
    h.script([text(/makes version 2/, NEW_VALUE)]);
    await h.run('fluxbaseSecrets.updateSecretValue', ref);
    assert.deepEqual(h.server.calls, ['getById', 'updateById', 'list']);
  });

  it('from the palette asks which secret', async () => {
    const h = await withSecrets([
      { partial: { name: 'A' } },
      { partial: { name: 'B', namespace: 'ns', scope: 'namespace' } },
    ]);
    h.script([pick(/Update Secret Value/, 'B', ['A', 'B']), text(/makes version 2/, NEW_VALUE)]);
    await h.run('fluxbaseSecrets.updateSecretValue');
    assert.equal(h.server.valueOf(h.nodes.get('ns/B')!.ref.id), NEW_VALUE);
  });

  it('refuses an empty value', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }]);
    h.script([text(/makes version 2/, CANCEL, { rejected: [{ answer: '', message: /Enter the new value/ }] })]);
    await h.run('fluxbaseSecrets.updateSecretValue', h.nodes.get('global/A'));
    h.input.assertDone();
  });

  it('cancelling the secret pick or the value box changes nothing and shows nothing', async () => {
    for (const steps of [[pick(/Update/, CANCEL)], [pick(/Update/, 'A'), text(/makes version/, CANCEL)]]) {
      const h = await withSecrets([{ partial: { name: 'A' } }]);
      h.script(steps);
      await h.run('fluxbaseSecrets.updateSecretValue');
      h.input.assertDone();
      assert.deepEqual(h.server.calls, []);
      assert.deepEqual(h.notifier.shown, []);
    }
  });

  it('reports a secret deleted meanwhile (404) once', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }]);
    h.server.failNext('updateById', new FluxbaseApiError('notFound', 'Secret not found (404)', { status: 404 }));
    h.script([text(/makes version 2/, NEW_VALUE)]);
    await h.run('fluxbaseSecrets.updateSecretValue', h.nodes.get('global/A'));
    assert.deepEqual(h.notifier.shown, [
      { level: 'error', message: 'Could not update the value: Secret not found (404).', actions: ['Show Logs'] },
    ]);
  });
});

describe('fluxbaseSecrets.editDescription', () => {
  it('fills in the current description and saves the new one without a new version', async () => {
    const h = await withSecrets([{ partial: { name: 'A', description: 'old' } }]);
    h.script([text(/Description/, 'new words', { prefilled: 'old' })]);
    await h.run('fluxbaseSecrets.editDescription', h.nodes.get('global/A'));
    const secret = h.store.secretsFor(h.nodes.get('global/A')!.connectionId)[0]!;
    assert.equal(secret.description, 'new words');
    assert.equal(secret.version, 1);
  });

  it('sends nothing when the description is unchanged', async () => {
    const h = await withSecrets([{ partial: { name: 'A', description: 'same' } }]);
    h.script([text(/Description/, 'same')]);
    await h.run('fluxbaseSecrets.editDescription', h.nodes.get('global/A'));
    assert.deepEqual(h.server.calls, []);
  });

  it('cancelling changes nothing', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }]);
    h.script([text(/Description/, CANCEL)]);
    await h.run('fluxbaseSecrets.editDescription', h.nodes.get('global/A'));
    assert.deepEqual(h.server.calls, []);
    assert.deepEqual(h.notifier.shown, []);
  });

  it('reports a key without the write scope (403) once', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }]);
    h.server.failNext(
      'updateById',
      new FluxbaseApiError('forbidden', 'This key lacks the write:secrets scope', { status: 403 }),
    );
    h.script([text(/Description/, 'x')]);
    await h.run('fluxbaseSecrets.editDescription', h.nodes.get('global/A'));
    assert.equal(h.notifier.shown.length, 1);
    assert.match(h.notifier.shown[0]!.message, /lacks the write:secrets scope/);
  });
});

describe('fluxbaseSecrets.setExpiry', () => {
  it('sets the expiry the person types', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }]);
    h.script([text(/It never expires\. New expiry/, '12h')]);
    await h.run('fluxbaseSecrets.setExpiry', h.nodes.get('global/A'));
    const secret = h.store.secretsFor(h.nodes.get('global/A')!.connectionId)[0]!;
    assert.equal(secret.expires_at, new Date(NOW + 12 * 60 * 60 * 1000).toISOString());
    assert.deepEqual(h.server.calls, ['updateById', 'list']);
  });

  it('refuses what it cannot read', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }]);
    h.script([text(/New expiry/, CANCEL, { rejected: [{ answer: 'soon', message: /is not an expiry/ }] })]);
    await h.run('fluxbaseSecrets.setExpiry', h.nodes.get('global/A'));
    h.input.assertDone();
  });

  it('does nothing when asked to remove an expiry the secret does not have', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }]);
    h.script([text(/New expiry/, '')]);
    await h.run('fluxbaseSecrets.setExpiry', h.nodes.get('global/A'));
    assert.deepEqual(h.server.calls, []);
  });

  it('explains that the server cannot remove an expiry and offers to delete and re-create', async () => {
    const expiresAt = new Date(NOW + 3 * DAY).toISOString();
    // Not production-like: a modal is enough there (connectionNaming.test.ts has the typed confirmation).
    const h = await withSecrets(
      [{ partial: { name: 'A', namespace: 'ns', scope: 'namespace', description: 'keep me', expires_at: expiresAt } }],
      [settingsConnection('Staging')],
    );
    const node = h.nodes.get('ns/A')!;
    h.script([
      text(new RegExp(`It expires at ${expiresAt.replace(/[.]/g, '\\.')}`), ''),
      choose(
        /cannot remove an expiry/,
        'Delete and Re-create',
        /deleted and created again.*cannot be read back.*history is lost/,
      ),
      text(/Value of A/, NEW_VALUE, { password: true }),
    ]);
    await h.run('fluxbaseSecrets.setExpiry', node);
    h.input.assertDone();
    assert.deepEqual(h.server.calls, ['getById', 'deleteById', 'create', 'list']);
    const [recreated] = h.server.all();
    assert.equal(recreated?.name, 'A');
    assert.equal(recreated?.namespace, 'ns');
    assert.equal(recreated?.description, 'keep me');
    assert.equal(recreated?.expires_at, undefined);
    assert.equal(h.server.valueOf(recreated!.id), NEW_VALUE);
  });

  it('declining the re-create deletes nothing', async () => {
    const h = await withSecrets(
      [{ partial: { name: 'A', expires_at: new Date(NOW + DAY).toISOString() } }],
      [settingsConnection('Staging')],
    );
    h.script([text(/New expiry/, 'none'), choose(/cannot remove an expiry/, CANCEL)]);
    await h.run('fluxbaseSecrets.setExpiry', h.nodes.get('global/A'));
    assert.deepEqual(h.server.calls, []);
    assert.deepEqual(h.notifier.shown, []);
  });

  it('says the secret is gone when re-creating fails after the delete', async () => {
    const h = await withSecrets(
      [{ partial: { name: 'A', expires_at: new Date(NOW + DAY).toISOString() } }],
      [settingsConnection('Staging')],
    );
    h.server.failNext(
      'create',
      new FluxbaseApiError('server', 'Failed to create secret: disk full (500)', { status: 500 }),
    );
    h.script([text(/New expiry/, ''), choose(/cannot remove/, 'Delete and Re-create'), text(/Value/, NEW_VALUE)]);
    await h.run('fluxbaseSecrets.setExpiry', h.nodes.get('global/A'));
    assert.equal(h.notifier.shown.length, 1);
    assert.match(
      h.notifier.shown[0]!.message,
      /"A" was deleted, but creating it again failed \(Failed to create secret: disk full \(500\)\)/,
    );
    assert.deepEqual(h.store.secretsFor(h.nodes.get('global/A')!.connectionId), [], 'the tree shows it is gone');
  });
});

describe('fluxbaseSecrets.rollbackSecret', () => {
  it('offers the earlier versions with date and author, confirms, and rolls back to a new version', async () => {
    const h = await withSecrets([{ partial: { name: 'A' }, versions: 3 }]);
    const node = h.nodes.get('global/A')!;
    h.script([
      pick(/Roll Back A \(now v3\)/, 'v1', ['v2', 'v1']),
      choose(/Roll back "A" to version 1\?/, 'Roll Back', /saved as the new version 4/),
    ]);
    await h.run('fluxbaseSecrets.rollbackSecret', node);
    h.input.assertDone();
    assert.deepEqual(h.server.calls, ['getVersionsById', 'getById', 'rollbackById', 'list']);
    assert.equal(h.server.valueOf(node.ref.id), 'old-value-v1');
    assert.equal(h.store.secretsFor(node.connectionId)[0]?.version, 4);
    assert.match(h.notifier.shown[0]!.message, /Rolled back "A" to version 1: now version 4/);
  });

  it('shows each version’s date and author', async () => {
    const h = await withSecrets([{ partial: { name: 'A', created_at: '2025-12-01T00:00:00.000Z' }, versions: 2 }]);
    let offered: { description?: string; detail?: string }[] = [];
    h.script([]);
    const input = h.input;
    input.pick = async (items) => {
      offered = items.map((item) => ({ description: item.description, detail: item.detail }));
      throw Object.assign(new Error('stop'), { [Symbol.for('fluxbaseSecrets.userCancelled')]: true });
    };
    await h.run('fluxbaseSecrets.rollbackSecret', h.nodes.get('global/A'));
    assert.deepEqual(offered, [{ description: '2025-12-01 00:00 UTC (1 month ago)', detail: 'by u-admin' }]);
  });

  it('says so when there is no earlier version', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }]);
    h.script([]);
    await h.run('fluxbaseSecrets.rollbackSecret', h.nodes.get('global/A'));
    assert.deepEqual(h.notifier.shown, [
      { level: 'warn', message: '"A" has no earlier version to roll back to.', actions: [] },
    ]);
  });

  it('cancelling the version pick or the confirmation rolls nothing back', async () => {
    for (const steps of [[pick(/Roll Back/, CANCEL)], [pick(/Roll Back/, 'v1'), choose(/Roll back/, CANCEL)]]) {
      const h = await withSecrets([{ partial: { name: 'A' }, versions: 2 }]);
      h.script(steps);
      await h.run('fluxbaseSecrets.rollbackSecret', h.nodes.get('global/A'));
      h.input.assertDone();
      assert.deepEqual(h.server.calls, ['getVersionsById']);
      assert.deepEqual(h.notifier.shown, []);
    }
  });

  it('reports a version that vanished (404) once', async () => {
    const h = await withSecrets([{ partial: { name: 'A' }, versions: 2 }]);
    h.server.failNext('rollbackById', new FluxbaseApiError('notFound', 'Version 1 not found (404)', { status: 404 }));
    h.script([pick(/Roll Back/, 'v1'), choose(/Roll back/, 'Roll Back')]);
    await h.run('fluxbaseSecrets.rollbackSecret', h.nodes.get('global/A'));
    assert.deepEqual(h.notifier.shown, [
      { level: 'error', message: 'Could not roll back the secret: Version 1 not found (404).', actions: ['Show Logs'] },
    ]);
  });
});

describe('fluxbaseSecrets.deleteSecret', () => {
  // Not production-like: a modal is enough there (see deleteOnProduction.test.ts for the typed confirmation).
  const STAGING = [settingsConnection('Staging')];

  it('asks in a modal that names the secret, its scope and that functions using it will fail, then deletes', async () => {
    const h = await withSecrets(
      [{ partial: { name: 'stripe_key', namespace: 'payments', scope: 'namespace' } }],
      STAGING,
    );
    const node = h.nodes.get('payments/stripe_key')!;
    h.script([
      choose(
        /Delete the secret "stripe_key" from namespace "payments"\?/,
        'Delete',
        /Functions and jobs that read FLUXBASE_SECRET_STRIPE_KEY will fail/,
      ),
    ]);
    await h.run('fluxbaseSecrets.deleteSecret', node);
    assert.deepEqual(h.server.all(), []);
    assert.deepEqual(h.store.secretsFor(node.connectionId), []);
    assert.deepEqual(h.server.calls, ['deleteById', 'list']);
  });

  it('names the global scope for a global secret', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], STAGING);
    h.script([choose(/from global scope \(all functions\)/, CANCEL)]);
    await h.run('fluxbaseSecrets.deleteSecret', h.nodes.get('global/A'));
    h.input.assertDone();
    assert.equal(h.server.all().length, 1, 'cancelled: nothing deleted');
    assert.deepEqual(h.notifier.shown, []);
  });

  it('reports a server failure once and keeps the secret in the tree', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], STAGING);
    h.server.failNext('deleteById', new FluxbaseApiError('server', 'Failed to delete secret (500)', { status: 500 }));
    h.script([choose(/Delete/, 'Delete')]);
    await h.run('fluxbaseSecrets.deleteSecret', h.nodes.get('global/A'));
    assert.equal(h.notifier.shown.length, 1);
    assert.equal(h.store.secretsFor(h.nodes.get('global/A')!.connectionId).length, 1);
  });
});

describe('copy commands', () => {
  it('copy the name and the Deno reference without any request', async () => {
    const h = await withSecrets([{ partial: { name: 'stripe_key' } }]);
    const node = h.nodes.get('global/stripe_key')!;
    await h.run('fluxbaseSecrets.copyName', node);
    await h.run('fluxbaseSecrets.copyReference', node.ref);
    assert.deepEqual(h.clipboard.texts, ['stripe_key', 'Deno.env.get("FLUXBASE_SECRET_STRIPE_KEY")']);
    assert.deepEqual(h.server.calls, []);
  });

  it('from the palette ask which secret', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }, { partial: { name: 'B' } }]);
    h.script([pick(/Copy Secret Reference/, 'B')]);
    await h.run('fluxbaseSecrets.copyReference');
    assert.deepEqual(h.clipboard.texts, ['Deno.env.get("FLUXBASE_SECRET_B")']);
  });
});
