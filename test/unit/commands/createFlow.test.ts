import * as assert from 'node:assert/strict';
import type { CreateSecretResult } from '../../../src/core/commands/createSecret';
import {
  askCreateSecret,
  initialState,
  type CreateFlowContext,
  type CreateFlowState,
} from '../../../src/core/commands/createSecretSteps';
import { isUserCancelled } from '../../../src/core/userInput';
import { settingsConnection } from '../explorer/support/fakes';
import { commandHarness } from './support/commandHarness';
import {
  again,
  assertCreatedWebhook,
  forward,
  NAMESPACE_FLOW,
  signedInWithNamespace,
  VALUE,
} from './support/createFlowScript';
import { BACK, CANCEL, pick, text } from './support/scriptedUserInput';

describe('the create flow: one multi-step input (issue #16)', () => {
  NAMESPACE_FLOW.forEach((_, index) => {
    if (index === 0) {
      return;
    }
    it(`Back at step ${index + 1} of 6 shows step ${index} with its answer kept; finishing creates the secret`, async () => {
      const h = await signedInWithNamespace();
      const input = h.script([
        ...forward(0, index),
        NAMESPACE_FLOW[index]!.step(BACK),
        again(index - 1),
        ...forward(index),
      ]);
      await h.run('fluxbaseSecrets.createSecret');
      input.assertDone();
      assertCreatedWebhook(h);
      assert.equal(input.picks[0]?.backButton, undefined, 'the first step offers no Back');
      assert.ok(
        input.textBoxes.every((box) => box.backButton === true),
        'every later step offers Back',
      );
    });
  });

  it('Back from the last step to the first keeps every answer, the hidden value included', async () => {
    const h = await signedInWithNamespace();
    const last = NAMESPACE_FLOW.length - 1;
    // each earlier question shows its answer again and is left by Back again, down to the first, which is accepted
    const backwards = [4, 3, 2, 1].map((index) => again(index, BACK));
    const input = h.script([
      ...forward(0, last),
      NAMESPACE_FLOW[last]!.step(BACK),
      ...backwards,
      again(0),
      ...forward(1),
    ]);
    await h.run('fluxbaseSecrets.createSecret');
    input.assertDone();
    assertCreatedWebhook(h);
    const valueBoxes = input.textBoxes.filter((box) => /Value of/.test(box.prompt));
    assert.ok(valueBoxes.length >= 2 && valueBoxes.every((box) => box.password === true), 'hidden at every showing');
    assert.equal(valueBoxes[1]?.value, VALUE, 'the value typed before Back is filled in again, hidden');
  });

  it('a typed namespace is kept: Back from the name returns to the list, with "Another namespace…" highlighted', async () => {
    const h = await signedInWithNamespace();
    const input = h.script([
      pick(/step 1\/6/, 'Namespace'),
      pick(/step 2\/6/, '$(add) Another namespace…'),
      text(/step 2\/6\) \/ Namespace name/, 'fresh'),
      text(/step 3\/6\) \/ Name of the secret in namespace fresh/, BACK),
      pick(/step 2\/6/, '$(add) Another namespace…', undefined, '$(add) Another namespace…'),
      text(/Namespace name/, BACK, { prefilled: 'fresh' }),
      pick(/step 2\/6/, '$(add) Another namespace…'),
      text(/Namespace name/, 'fresh', { prefilled: 'fresh' }),
      text(/Name of the secret in namespace fresh/, 'K'),
      text(/Value/, VALUE),
      text(/Description/, ''),
      text(/Expiry/, ''),
    ]);
    const result = (await h.run('fluxbaseSecrets.createSecret')) as CreateSecretResult;
    input.assertDone();
    assert.equal(result.secret.namespace, 'fresh');
  });

  NAMESPACE_FLOW.forEach((_, index) => {
    it(`Escape at step ${index + 1} of 6 (after a Back) creates nothing and keeps nothing`, async () => {
      const h = await signedInWithNamespace();
      const context: CreateFlowContext = {
        deps: h.deps,
        prefill: {},
        connection: { known: h.registry.list()[0]!, given: false },
      };
      const state: CreateFlowState = initialState(context);
      const backFirst = index > 0 ? [NAMESPACE_FLOW[index]!.step(BACK), again(index - 1)] : [];
      const input = h.script([...forward(0, index), ...backFirst, NAMESPACE_FLOW[index]!.step(CANCEL)]);
      await assert.rejects(askCreateSecret(context, state), isUserCancelled);
      input.assertDone();
      assert.equal(state.value, undefined, 'the value is not kept after the flow');
      assert.deepEqual(h.server.calls, [], 'nothing was sent');
      // and the next run starts afresh: no value filled in from the cancelled one
      const next = h.script([...forward(0, 3), text(/Value/, CANCEL)]);
      assert.equal(await h.run('fluxbaseSecrets.createSecret'), undefined);
      assert.equal(next.textBoxes.at(-1)?.value, undefined);
      assert.deepEqual(h.server.calls, []);
      assert.deepEqual(h.notifier.shown, []);
    });
  });

  it('choosing Global drops the namespace step from the count; Back to the scope shows Global chosen', async () => {
    const h = await signedInWithNamespace();
    const input = h.script([
      pick(/Create Secret \(step 1\/6\) \/ Who/, 'Global'),
      text(/Create Secret \(step 2\/5\) \/ Name of the secret globally/, BACK),
      pick(/Create Secret \(step 1\/5\) \/ Who/, 'Global', undefined, 'Global'),
      text(/\(step 2\/5\)/, 'G'),
      text(/\(step 3\/5\)/, VALUE),
      text(/\(step 4\/5\)/, ''),
      text(/\(step 5\/5\)/, ''),
    ]);
    await h.run('fluxbaseSecrets.createSecret');
    input.assertDone();
    assert.ok(h.server.all().some((secret) => secret.name === 'G' && secret.scope === 'global'));
  });

  it('with two signed-in connections the connection is step 1 of 7, and Back returns to it', async () => {
    const staging = settingsConnection('Staging', 'https://staging.example.com');
    const h = commandHarness([settingsConnection('Prod'), staging]);
    await h.signIn();
    await h.signIn(staging);
    const input = h.script([
      pick(/Create Secret \(step 1\/7\) \/ Choose a connection/, 'Staging', ['Prod', 'Staging']),
      pick(/\(step 2\/7\) \/ Who/, BACK),
      pick(/\(step 1\/7\) \/ Choose a connection/, 'Staging', undefined, 'Staging'),
      pick(/\(step 2\/7\) \/ Who/, 'Global'),
      text(/\(step 3\/6\)/, 'ON_STAGING'),
      text(/\(step 4\/6\)/, VALUE),
      text(/\(step 5\/6\)/, ''),
      text(/\(step 6\/6\)/, ''),
    ]);
    const result = (await h.run('fluxbaseSecrets.createSecret')) as CreateSecretResult;
    input.assertDone();
    assert.equal(result.connectionId, staging.id);
  });
});
