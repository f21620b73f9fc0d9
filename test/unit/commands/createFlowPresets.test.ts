import * as assert from 'node:assert/strict';
import type { CreateSecretResult } from '../../../src/core/commands/createSecret';
import { DAY, NOW } from '../explorer/support/fakeFluxbase';
import { settingsConnection } from '../explorer/support/fakes';
import { commandHarness } from './support/commandHarness';
import { forward, signedInWithNamespace, VALUE } from './support/createFlowScript';
import { BACK, CANCEL, pick, text } from './support/scriptedUserInput';

describe('the create flow skips what its context preset, and the title says so', () => {
  it('from a namespace row of the tree: 4 steps, "namespace jobs from the tree"', async () => {
    const h = await signedInWithNamespace();
    const connectionId = h.store.connections()[0]!.id;
    const input = h.script([
      text(/^Create Secret \(step 1\/4\) · namespace jobs from the tree \/ Name of the secret in namespace jobs/, 'K'),
      text(/^Create Secret \(step 2\/4\) · namespace jobs from the tree \/ Value/, VALUE),
      text(/\(step 3\/4\)/, ''),
      text(/\(step 4\/4\)/, ''),
    ]);
    await h.run('fluxbaseSecrets.createSecret', { kind: 'namespace', connectionId, namespace: 'jobs' });
    input.assertDone();
  });

  it('from a function’s quick fix: connection, namespace and name preset, 3 steps', async () => {
    const h = await signedInWithNamespace();
    const connectionId = h.store.connections()[0]!.id;
    const input = h.script([
      text(/^Create Secret \(step 1\/3\) · namespace billing, name SLACK_TOKEN from the function \/ Value/, VALUE),
      text(/\(step 2\/3\) .* \/ Description/, ''),
      text(/\(step 3\/3\) .* \/ Expiry/, ''),
    ]);
    const result = (await h.run('fluxbaseSecrets.createSecret', {
      connectionId,
      scope: 'namespace',
      namespace: 'billing',
      name: 'SLACK_TOKEN',
      origin: 'function',
    })) as CreateSecretResult;
    input.assertDone();
    assert.equal(result.secret.namespace, 'billing');
    assert.equal(result.name, 'SLACK_TOKEN');
  });

  it('from the unknown-secret quick fix: the name is preset, the scope asked', async () => {
    const h = await signedInWithNamespace();
    const input = h.script([
      pick(/^Create Secret \(step 1\/5\) · name MISSING_KEY from the quick fix \/ Who/, 'Global'),
      text(/^Create Secret \(step 2\/4\) · name MISSING_KEY from the quick fix \/ Value of MISSING_KEY/, VALUE),
      text(/\(step 3\/4\)/, ''),
      text(/\(step 4\/4\)/, ''),
    ]);
    await h.run('fluxbaseSecrets.createSecret', { name: 'MISSING_KEY', origin: 'quickFix' });
    input.assertDone();
    assert.ok(h.server.all().some((secret) => secret.name === 'MISSING_KEY'));
  });

  it('from Move to Fluxbase Secret: the value preset and never asked; the suggested name asked, filled in', async () => {
    const h = await signedInWithNamespace();
    const input = h.script([
      pick(/^Create Secret \(step 1\/5\) · value from the code \/ Who/, 'Global'),
      text(/\(step 2\/4\) · value from the code \/ Name of the secret globally/, 'MAPS_KEY', { prefilled: 'MAPS_KEY' }),
      text(/\(step 3\/4\) · value from the code \/ Description/, ''),
      text(/\(step 4\/4\)/, ''),
    ]);
    await h.run('fluxbaseSecrets.createSecret', {
      name: 'MAPS_KEY',
      nameSuggested: true,
      value: VALUE,
      origin: 'code',
    });
    input.assertDone();
    assert.ok(!input.textBoxes.some((box) => box.password), 'no value question');
    assert.equal(h.server.valueOf(h.server.all().find((secret) => secret.name === 'MAPS_KEY')!.id), VALUE);
  });

  it('a preset name that is taken (or collides) in the chosen scope is asked after all, with the reason', async () => {
    const h = await signedInWithNamespace();
    const input = h.script([
      // until the namespace is chosen the count assumes the name is taken as it is; in payments it is not
      pick(/^Create Secret \(step 1\/5\) · name OTHER from the quick fix \/ Who/, 'Namespace'),
      pick(/\(step 2\/5\) · name OTHER from the quick fix/, 'payments'),
      text(/\(step 3\/6\) \/ Name of the secret in namespace payments/, 'OTHER_2', {
        prefilled: 'OTHER',
        rejected: [{ answer: 'OTHER', message: /"OTHER" already exists in namespace payments/ }],
      }),
      text(/\(step 4\/6\) \/ Value of OTHER_2/, CANCEL),
    ]);
    await h.run('fluxbaseSecrets.createSecret', { name: 'OTHER', origin: 'quickFix' });
    input.assertDone();
  });

  it('once the person typed another name, going Back to a scope where the preset is free still asks it', async () => {
    const h = await signedInWithNamespace();
    h.server.seed({ name: 'B', scope: 'namespace', namespace: 'billing' });
    await h.store.refresh(h.store.connections()[0]!.id);
    const input = h.script([
      pick(/Who/, 'Namespace'),
      pick(/namespace/, 'payments'),
      text(/Name of the secret in namespace payments/, 'OTHER_2', { prefilled: 'OTHER' }),
      text(/Value of OTHER_2/, BACK),
      text(/Name of the secret in namespace payments/, BACK, { prefilled: 'OTHER_2' }),
      pick(/namespace/, 'billing', undefined, 'payments'),
      text(/Name of the secret in namespace billing/, 'OTHER_2', { prefilled: 'OTHER_2' }),
      text(/Value of OTHER_2/, VALUE),
      text(/Description/, ''),
      text(/Expiry/, ''),
    ]);
    const result = (await h.run('fluxbaseSecrets.createSecret', {
      name: 'OTHER',
      origin: 'quickFix',
    })) as CreateSecretResult;
    input.assertDone();
    assert.equal(result.name, 'OTHER_2');
    assert.equal(result.secret.namespace, 'billing');
  });

  it('names the preset connection when there is more than one', async () => {
    const staging = settingsConnection('Staging', 'https://staging.example.com');
    const h = commandHarness([settingsConnection('Prod'), staging]);
    await h.signIn(staging);
    const input = h.script([pick(/^Create Secret \(step 1\/4\) · on Staging, namespace ops from the tree/, CANCEL)]);
    await h.run('fluxbaseSecrets.createSecret', { kind: 'namespace', connectionId: staging.id, namespace: 'ops' });
    assert.equal(input.asked.length, 1);
    assert.match(input.asked[0] ?? '', /Name of the secret in namespace ops/);
  });
});

describe('the create flow’s live previews', () => {
  async function nameBox(scope: 'Global' | string) {
    const h = await signedInWithNamespace();
    h.server.seed({ name: 'token', scope: 'namespace', namespace: 'ns' });
    await h.store.refresh(h.store.connections()[0]!.id);
    const steps = scope === 'Global' ? [pick(/Who/, 'Global')] : [pick(/Who/, 'Namespace'), pick(/namespace/, scope)];
    const input = h.script([...steps, text(/Name/, CANCEL)]);
    await h.run('fluxbaseSecrets.createSecret');
    input.assertDone();
    return input.textBoxes.at(-1)!;
  }

  it('the name step shows the variable name as it is typed', async () => {
    const box = await nameBox('Global');
    assert.deepEqual(box.validate!('stripe_key'), {
      severity: 'info',
      message: 'Name of the secret globally: functions read it as FLUXBASE_SECRET_STRIPE_KEY',
    });
    assert.equal(
      box.validate!('FLUXBASE_OWN')?.message,
      'Name of the secret globally: functions read it as FLUXBASE_OWN',
    );
  });

  it('warns on a collision with a variable in the chosen scope only', async () => {
    const inNs = await nameBox('ns');
    assert.deepEqual(inNs.validate!('TOKEN'), {
      severity: 'warning',
      message:
        'FLUXBASE_SECRET_TOKEN is also the variable of "token" in namespace ns: functions would get one of the two at random',
    });
    const inPayments = await nameBox('payments');
    assert.deepEqual(inPayments.validate!('TOKEN'), {
      severity: 'info',
      message: 'Name of the secret in namespace payments: functions read it as FLUXBASE_SECRET_TOKEN',
    });
  });

  it('the expiry step previews the date and time, local and UTC, and refuses the past by name', async () => {
    const h = await signedInWithNamespace();
    const expiry = h.script([
      pick(/Who/, 'Global'),
      text(/Name/, 'K'),
      text(/Value/, VALUE),
      text(/Desc/, ''),
      text(/Expiry/, CANCEL),
    ]);
    await h.run('fluxbaseSecrets.createSecret');
    const validate = expiry.textBoxes.at(-1)!.validate!;
    const cases: [string, number, RegExp][] = [
      ['90d', 90 * DAY, /in 3 months$/],
      ['12h', DAY / 2, /in 12 hours/],
      ['1w', 7 * DAY, /in 7 days/],
      ['1y', 365 * DAY, /in 1 year/],
    ];
    for (const [typed, ahead, relative] of cases) {
      const preview = validate(typed);
      const utc = new Date(NOW + ahead).toISOString().replace('T', ' ').slice(0, 16);
      assert.equal(preview?.severity, 'info', typed);
      assert.match(preview?.message ?? '', new RegExp(`^Expires .+ your time · ${utc} UTC · `), typed);
      assert.match(preview?.message ?? '', relative, typed);
    }
    assert.match(validate('2026-03-01')?.message ?? '', /· 2026-03-01 00:00 UTC · in 2 months$/);
    assert.deepEqual(validate(''), { severity: 'info', message: 'No expiry: the secret never expires' });
    const past = validate('2025-12-31');
    assert.equal(past?.severity, 'error');
    assert.match(
      past?.message ?? '',
      /^2025-12-31T00:00:00\.000Z is not in the future: a secret that has expired reaches no function\. Choose a later time\.$/,
    );
    assert.equal(validate('soon')?.severity, 'error');
  });

  it('never echoes the value: no title, prompt or preview of the flow contains it', async () => {
    const h = await signedInWithNamespace();
    const input = h.script([...forward(0)]);
    await h.run('fluxbaseSecrets.createSecret');
    const shown = [
      ...input.asked,
      ...input.textBoxes.map((box) => `${box.title} ${box.prompt} ${box.validate?.(box.value ?? '')?.message ?? ''}`),
      ...h.notifier.shown.map((s) => s.message),
      ...h.logger.lines,
    ].join('\n');
    assert.ok(!shown.includes(VALUE));
  });
});
