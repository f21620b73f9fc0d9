import * as assert from 'node:assert/strict';
import { SignInRequiredError } from '../../../src/core/commands/commandErrors';
import { importEnvFile } from '../../../src/core/commands/importEnvFile';
import { DAY, NOW, SERVICE_KEY } from '../explorer/support/fakeFluxbase';
import { settingsConnection } from '../explorer/support/fakes';
import { commandHarness } from './support/commandHarness';
import { choose, meanwhile, pick, pickMany, text } from './support/scriptedUserInput';
import { withSecrets } from './support/secretFixture';

/**
 * A check made before a question is stale after it (RELIABILITY.md, "Checks
 * after awaits"): each test changes something while a command's question is
 * open — someone else's write, a sign-out, a removed connection — and shows
 * that the command acts on what holds after the answer, not before.
 */

const STAGING = [settingsConnection('Staging')];
const TYPED = 'typed-again-canary-9127';
const THEIRS = 'their-value-canary-5531';

describe('checks after awaits: a secret written by someone else meanwhile', () => {
  it('Roll Back: a new version saved while the confirmation is open rolls nothing back, and says so', async () => {
    const h = await withSecrets([{ partial: { name: 'A' }, versions: 3 }], STAGING);
    const node = h.nodes.get('global/A')!;
    h.script([
      pick(/Roll Back A \(now v3\)/, 'v1'),
      meanwhile(choose(/Roll back "A" to version 1\?/, 'Roll Back', /saved as the new version 4/), () =>
        h.server.update(node.ref.id, { value: THEIRS }),
      ),
    ]);
    await h.run('fluxbaseSecrets.rollbackSecret', node);
    h.input.assertDone();
    assert.equal(h.server.valueOf(node.ref.id), THEIRS, 'their version stays current');
    assert.ok(!h.server.calls.includes('rollbackById'), `calls: ${h.server.calls.join(', ')}`);
    assert.deepEqual(h.notifier.shown, [
      {
        level: 'warn',
        message:
          '"A" changed while you were answering: it is now version 4, not 3. Nothing was changed; look at the new version and try again.',
        actions: [],
      },
    ]);
    assert.equal(h.store.secretsFor(node.connectionId)[0]?.version, 4, 'the tree shows their version');
  });

  it('Roll Back: a version saved before the command (the tree not refreshed yet) is the current one it offers from', async () => {
    const h = await withSecrets([{ partial: { name: 'A' }, versions: 3 }], STAGING);
    const node = h.nodes.get('global/A')!;
    h.server.update(node.ref.id, { value: THEIRS });
    h.script([
      pick(/Roll Back A \(now v4\)/, 'v1', ['v3', 'v2', 'v1']),
      choose(/Roll back "A" to version 1\?/, 'Roll Back', /saved as the new version 5/),
    ]);
    await h.run('fluxbaseSecrets.rollbackSecret', node);
    h.input.assertDone();
    assert.equal(h.server.valueOf(node.ref.id), 'old-value-v1');
    assert.match(h.notifier.shown[0]?.message ?? '', /Rolled back "A" to version 1: now version 5/);
  });

  it("Set Expiry's re-create: a new version saved while the value is typed again deletes nothing", async () => {
    const expiresAt = new Date(NOW + 3 * DAY).toISOString();
    const h = await withSecrets([{ partial: { name: 'A', expires_at: expiresAt } }], STAGING);
    const node = h.nodes.get('global/A')!;
    h.script([
      text(/New expiry/, ''),
      choose(/cannot remove an expiry/, 'Delete and Re-create'),
      meanwhile(text(/Value of A/, TYPED, { password: true }), () => h.server.update(node.ref.id, { value: THEIRS })),
    ]);
    await h.run('fluxbaseSecrets.setExpiry', node);
    h.input.assertDone();
    assert.equal(h.server.valueOf(node.ref.id), THEIRS, 'not deleted, their value kept');
    assert.ok(!h.server.calls.includes('deleteById'), `calls: ${h.server.calls.join(', ')}`);
    assert.match(
      h.notifier.shown[0]?.message ?? '',
      /"A" changed while you were answering: it is now version 2, not 1/,
    );
    assert.ok(!h.logger.lines.join('\n').includes(TYPED));
  });

  it("Set Expiry's re-create: a description edited meanwhile (no new version) is the one re-created", async () => {
    const expiresAt = new Date(NOW + 3 * DAY).toISOString();
    const h = await withSecrets([{ partial: { name: 'A', description: 'old words', expires_at: expiresAt } }], STAGING);
    const node = h.nodes.get('global/A')!;
    h.script([
      text(/New expiry/, ''),
      choose(/cannot remove an expiry/, 'Delete and Re-create'),
      meanwhile(text(/Value of A/, TYPED), () => h.server.update(node.ref.id, { description: 'new words' })),
    ]);
    await h.run('fluxbaseSecrets.setExpiry', node);
    const [recreated] = h.server.all();
    assert.equal(recreated?.description, 'new words');
    assert.equal(recreated?.expires_at, undefined);
    assert.equal(h.server.valueOf(recreated!.id), TYPED);
  });
});

describe('checks after awaits: the connection signed out, signed in again or removed meanwhile', () => {
  it('Delete: signed out while the confirmation is open, no request is sent and Sign In is offered', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], STAGING);
    const node = h.nodes.get('global/A')!;
    h.script([meanwhile(choose(/Delete the secret "A"/, 'Delete'), () => h.sessions.signOut(STAGING[0]!))]);
    await h.run('fluxbaseSecrets.deleteSecret', node);
    assert.deepEqual(h.server.calls, [], 'no delete went out with the signed-out client');
    assert.equal(h.server.all().length, 1);
    assert.deepEqual(h.notifier.shown, [
      { level: 'warn', message: 'Sign in to "Staging" first.', actions: ['Sign In'] },
    ]);
  });

  it('Delete: the connection removed while the confirmation is open says so, and deletes nothing', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], STAGING);
    const node = h.nodes.get('global/A')!;
    h.script([meanwhile(choose(/Delete the secret "A"/, 'Delete'), () => h.registry.remove(node.connectionId))]);
    await h.run('fluxbaseSecrets.deleteSecret', node);
    assert.equal(h.server.all().length, 1);
    assert.deepEqual(h.notifier.shown, [
      { level: 'warn', message: 'The connection "Staging" no longer exists: nothing was sent to it.', actions: [] },
    ]);
  });

  it('.env import: signed out while the entries are checked, nothing is written', async () => {
    const h = await withSecrets([{ partial: { name: 'OLD' } }], STAGING);
    const run = importEnvFile(h.deps);
    h.script([
      pick(/Import \.env File/, 'Global'),
      meanwhile(
        pickMany(/Import \.env File/, (items) => items.filter((item) => item.picked)),
        () => h.sessions.signOut(STAGING[0]!),
      ),
    ]);
    await assert.rejects(run({ fileName: '.env', text: `NEW=${TYPED}\nOLD=${TYPED}\n` }), SignInRequiredError);
    assert.deepEqual(h.server.calls, ['list'], 'only the list before the question went out');
  });

  it('.env import: signed in again (another key) while the entries are checked, it writes with the new session', async () => {
    const h = await withSecrets([{ partial: { name: 'OLD' } }], STAGING);
    const connection = STAGING[0]!;
    const run = importEnvFile(h.deps);
    h.script([
      pick(/Import \.env File/, 'Global'),
      meanwhile(
        pickMany(/Import \.env File/, (items) => items.filter((item) => item.picked)),
        async () => {
          await h.sessions.signOut(connection);
          await h.credentials.set(connection.id, { type: 'serviceKey', key: SERVICE_KEY });
          await h.store.refresh(connection.id);
        },
      ),
    ]);
    const report = await run({ fileName: '.env', text: `NEW=${TYPED}\nOLD=${TYPED}\n` });
    assert.deepEqual(report.failed, []);
    assert.deepEqual([report.created, report.updated], [['NEW'], ['OLD']]);
  });

  it('Sign In: the connection removed while the password is typed stores no credentials for it', async () => {
    const h = commandHarness(STAGING);
    const id = STAGING[0]!.id;
    h.script([
      pick(/Sign In to Staging/, 'Email and Password'),
      text(/Email/, 'admin@example.com'),
      meanwhile(text(/Password/, 'correct horse'), () => h.registry.remove(id)),
    ]);
    await h.run('fluxbaseSecrets.signIn', id);
    assert.equal(await h.credentials.get(id), undefined, 'nothing stored under the removed id');
    assert.equal(h.sessions.clientFor(id), undefined);
    assert.deepEqual(h.notifier.shown, [
      { level: 'warn', message: '"Staging" was removed while you signed in: nothing was stored.', actions: [] },
    ]);
  });

  it('Add Connection: a name taken while the box is open is refused when it is accepted', async () => {
    const h = commandHarness(STAGING);
    h.script([
      text(/URL of the Fluxbase server/, 'https://qa.example.com'),
      meanwhile(
        text(/Name of the connection/, 'QA 2', { rejected: [{ answer: 'QA', message: /already exists/ }] }),
        () => h.registry.add({ name: 'qa', url: 'https://other.example.com' }),
      ),
    ]);
    await h.run('fluxbaseSecrets.addConnection');
    h.input.assertDone();
    assert.deepEqual(
      h.registry.list().map((connection) => connection.name),
      ['Staging', 'qa', 'QA 2'],
    );
  });

  it('What does a function see?: signed out while the namespace is chosen, it lists and copies nothing', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], STAGING);
    const connection = STAGING[0]!;
    h.script([
      meanwhile(pick(/What Does a Function/, 'default'), async () => {
        await h.sessions.signOut(connection);
        await h.store.refresh(connection.id);
      }),
    ]);
    await h.run('fluxbaseSecrets.showEffectiveVariables');
    h.input.assertDone();
    assert.deepEqual(h.clipboard.texts, []);
    assert.deepEqual(h.notifier.shown, [
      { level: 'warn', message: 'The secrets of "Staging" are not loaded; refresh and try again.', actions: [] },
    ]);
  });
});
