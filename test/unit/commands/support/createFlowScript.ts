import * as assert from 'node:assert/strict';
import { DAY, NOW } from '../../explorer/support/fakeFluxbase';
import { commandHarness } from './commandHarness';
import { BACK, CANCEL, pick, text, type Step } from './scriptedUserInput';

/** The create flow's scripts: a namespace secret's six questions, and the harness they run in. */

export const VALUE = 'sk_live_flow_canary_31f0';

/** The six questions of a namespace secret, with the answers of a first pass and the title's step count. */
export const NAMESPACE_FLOW: readonly {
  step: (answer: string | typeof BACK | typeof CANCEL) => Step;
  answer: string;
}[] = [
  { step: (a) => pick(/Create Secret \(step 1\/6\) \/ Who gets the secret/, a), answer: 'Namespace' },
  { step: (a) => pick(/Create Secret \(step 2\/6\) \/ Choose a namespace/, a), answer: 'payments' },
  { step: (a) => text(/\(step 3\/6\) \/ Name of the secret in namespace payments/, a), answer: 'WEBHOOK' },
  { step: (a) => text(/\(step 4\/6\) \/ Value of WEBHOOK/, a, { password: true }), answer: VALUE },
  { step: (a) => text(/\(step 5\/6\) \/ Description/, a), answer: 'hook signing key' },
  { step: (a) => text(/\(step 6\/6\) \/ Expiry/, a), answer: '90d' },
];

/** The same question again after Back: it must show the answer given before (the active item, the filled-in text). */
export function again(index: number, leaveBy?: typeof BACK): Step {
  const { step, answer } = NAMESPACE_FLOW[index]!;
  const asked = step(leaveBy ?? answer);
  if (asked.kind === 'pick') {
    return { ...asked, active: answer };
  }
  assert.equal(asked.kind, 'text');
  return { ...(asked as Extract<Step, { kind: 'text' }>), prefilled: answer };
}

export function forward(from: number, to = NAMESPACE_FLOW.length): Step[] {
  return NAMESPACE_FLOW.slice(from, to).map(({ step, answer }) => step(answer));
}

export async function signedInWithNamespace() {
  const h = commandHarness();
  h.server.seed({ name: 'OTHER', scope: 'namespace', namespace: 'payments' });
  await h.signIn();
  h.server.calls.length = 0;
  return h;
}

export function assertCreatedWebhook(h: Awaited<ReturnType<typeof signedInWithNamespace>>): void {
  const created = h.server.all().find((secret) => secret.name === 'WEBHOOK');
  assert.ok(created, 'the secret exists');
  assert.equal(created.namespace, 'payments');
  assert.equal(created.description, 'hook signing key');
  assert.equal(created.expires_at, new Date(NOW + 90 * DAY).toISOString());
  assert.equal(h.server.valueOf(created.id), VALUE);
}
