import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import type { CreateSecretResult } from '../../../src/core/commands/createSecret';
import { DAY, NOW } from '../explorer/support/fakeFluxbase';
import { commandHarness } from './support/commandHarness';
import { CANCEL, pick, text, type Step } from './support/scriptedUserInput';

const VALUE = 'sk_live_canary_value_9f8e7d';

/** The full create flow for a global secret, answering every question. */
function globalSteps(): Step[] {
  return [
    pick(/Create Secret/, 'Global', ['Global', 'Namespace']),
    text(/Name of the secret globally/, 'STRIPE_KEY'),
    text(/Value of STRIPE_KEY.*cannot be shown again/, VALUE, { password: true }),
    text(/Description/, 'Stripe live key'),
    text(/Expiry/, '30d'),
  ];
}

async function signedIn() {
  const h = commandHarness();
  await h.signIn();
  h.server.calls.length = 0;
  return h;
}

describe('fluxbaseSecrets.createSecret', () => {
  it('asks scope, name, hidden value, description and expiry, creates the secret and refreshes', async () => {
    const h = await signedIn();
    const input = h.script(globalSteps());
    const result = (await h.run('fluxbaseSecrets.createSecret')) as CreateSecretResult;
    input.assertDone();
    assert.equal(result.connectionId, h.store.connections()[0]?.id);
    assert.equal(result.secret.name, 'STRIPE_KEY');
    assert.deepEqual(h.server.calls, ['create', 'list']);
    const created = h.server.all().find((secret) => secret.name === 'STRIPE_KEY')!;
    assert.equal(created.scope, 'global');
    assert.equal(created.description, 'Stripe live key');
    assert.equal(created.expires_at, new Date(NOW + 30 * DAY).toISOString());
    assert.equal(h.server.valueOf(created.id), VALUE);
    assert.deepEqual(
      h.store.secretsFor(result.connectionId).map((secret) => secret.name),
      ['STRIPE_KEY'],
      'the tree shows it at once',
    );
    assert.deepEqual(h.progress.titles, ['Creating secret STRIPE_KEY…']);
    assert.match(
      h.notifier.shown[0]?.message ?? '',
      /Created secret "STRIPE_KEY" globally: functions read it as FLUXBASE_SECRET_STRIPE_KEY/,
    );
  });

  it('never puts the value into a message or a log line', async () => {
    const h = await signedIn();
    h.script(globalSteps());
    await h.run('fluxbaseSecrets.createSecret');
    h.server.failNext('create', new FluxbaseApiError('server', 'Failed to create secret: boom (500)', { status: 500 }));
    h.script(globalSteps());
    await h.run('fluxbaseSecrets.createSecret');
    const everything = [...h.notifier.shown.map((shown) => shown.message), ...h.logger.lines].join('\n');
    assert.ok(!everything.includes(VALUE));
    assert.ok(!everything.includes('canary'));
  });

  it('offers the existing namespaces and creates a namespace secret', async () => {
    const h = commandHarness();
    h.server.seed({ name: 'X', scope: 'namespace', namespace: 'payments' });
    await h.signIn();
    h.script([
      pick(/Create Secret/, 'Namespace'),
      pick(/Create Secret/, 'payments', ['payments', '$(add) Another namespace…']),
      text(/Name of the secret in namespace payments/, 'WEBHOOK'),
      text(/Value/, VALUE, { password: true }),
      text(/Description/, ''),
      text(/Expiry/, ''),
    ]);
    const result = (await h.run('fluxbaseSecrets.createSecret')) as CreateSecretResult;
    const created = h.server.all().find((secret) => secret.id === result.secret.id)!;
    assert.equal(created.scope, 'namespace');
    assert.equal(created.namespace, 'payments');
    assert.equal(created.description, undefined, 'an empty description is not sent');
    assert.equal(created.expires_at, undefined, 'no expiry');
  });

  it('lets a new namespace be typed, refusing an empty one', async () => {
    const h = await signedIn();
    h.script([
      pick(/Create Secret/, 'Namespace'),
      pick(/Create Secret/, '$(add) Another namespace…'),
      text(/Namespace name/, 'billing', {
        rejected: [
          { answer: ' ', message: /Enter a namespace/ },
          { answer: 'x ', message: /space/ },
        ],
      }),
      text(/Name/, 'KEY'),
      text(/Value/, VALUE),
      text(/Description/, ''),
      text(/Expiry/, ''),
    ]);
    const result = (await h.run('fluxbaseSecrets.createSecret')) as CreateSecretResult;
    assert.equal(result.secret.namespace, 'billing');
  });

  it('validates the name: empty, surrounding spaces and a duplicate in the scope are refused', async () => {
    const h = commandHarness();
    h.server.seed({ name: 'TAKEN' });
    await h.signIn();
    h.script([
      pick(/Create Secret/, 'Global'),
      text(/Name/, CANCEL, {
        rejected: [
          { answer: '', message: /Enter a name/ },
          { answer: ' KEY', message: /must not start or end with a space/ },
          { answer: 'TAKEN', message: /"TAKEN" already exists globally/ },
        ],
      }),
    ]);
    await h.run('fluxbaseSecrets.createSecret');
    h.input.assertDone();
  });

  it('warns, without refusing, when the upper-cased variable collides with another secret’s', async () => {
    const h = commandHarness();
    h.server.seed({ name: 'api_key' });
    h.server.seed({ name: 'token', scope: 'namespace', namespace: 'ns' });
    await h.signIn();
    h.script([
      pick(/Create Secret/, 'Global'),
      text(/Name/, 'API_KEY', {
        validation: {
          severity: 'warning',
          message: /FLUXBASE_SECRET_API_KEY is also the variable of "api_key" globally/,
        },
      }),
      text(/Value/, VALUE),
      text(/Description/, ''),
      text(/Expiry/, ''),
    ]);
    await h.run('fluxbaseSecrets.createSecret');
    assert.ok(h.server.all().some((secret) => secret.name === 'API_KEY'));
    h.script([pick(/Create Secret/, 'Global'), text(/Name/, CANCEL)]);
    await h.run('fluxbaseSecrets.createSecret');
    const nameBox = h.input.textBoxes.at(-1)!;
    assert.match(nameBox.validate!('TOKEN')?.message ?? '', /overridden by a secret of namespace ns/);
    assert.match(nameBox.validate!('my-key')?.message ?? '', /awkward/);
  });

  it('refuses an expiry it cannot read and one in the past, with a clear message', async () => {
    const h = await signedIn();
    h.script([
      pick(/Create Secret/, 'Global'),
      text(/Name/, 'KEY'),
      text(/Value/, VALUE),
      text(/Description/, ''),
      text(/Expiry/, '1w', {
        rejected: [
          { answer: 'next week', message: /"next week" is not an expiry\. Use a duration/ },
          { answer: '2020-01-01', message: /not in the future/ },
        ],
      }),
    ]);
    const result = (await h.run('fluxbaseSecrets.createSecret')) as CreateSecretResult;
    assert.equal(result.secret.expires_at, new Date(NOW + 7 * DAY).toISOString());
  });

  it('starts prefilled: a given value, scope, namespace and (free) name skip their questions', async () => {
    const h = await signedIn();
    const connectionId = h.store.connections()[0]!.id;
    const input = h.script([
      text(
        /Create Secret \(step 1\/2\) · namespace default, name STRIPE_KEY, value preset \/ Description/,
        'from code',
        {
          prefilled: 'from code',
        },
      ),
      text(/Expiry/, ''),
    ]);
    const result = (await h.handler('fluxbaseSecrets.createSecret')({
      connectionId,
      name: 'STRIPE_KEY',
      value: VALUE,
      scope: 'namespace',
      namespace: 'default',
      description: 'from code',
    })) as CreateSecretResult;
    input.assertDone();
    assert.equal(h.server.valueOf(result.secret.id), VALUE);
    assert.equal(result.secret.namespace, 'default');
    assert.ok(!input.textBoxes.some((box) => box.password), 'the value was not asked for');
  });

  it('started on a namespace node, creates in that namespace without asking scope or namespace', async () => {
    const h = await signedIn();
    const connectionId = h.store.connections()[0]!.id;
    h.script([text(/in namespace jobs/, 'K'), text(/Value/, VALUE), text(/Description/, ''), text(/Expiry/, '')]);
    const result = (await h.run('fluxbaseSecrets.createSecret', {
      kind: 'namespace',
      id: 'x',
      connectionId,
      label: 'jobs',
      namespace: 'jobs',
      children: [],
    })) as CreateSecretResult;
    assert.equal(result.secret.namespace, 'jobs');
    h.input.assertDone();
  });

  const steps = globalSteps();
  steps.forEach((_, index) => {
    it(`cancelling at question ${index + 1} of ${steps.length} ends silently and creates nothing`, async () => {
      const h = await signedIn();
      const script = globalSteps().slice(0, index + 1);
      const last = script[index]!;
      script[index] = { ...last, answer: CANCEL } as Step;
      const input = h.script(script);
      assert.equal(await h.run('fluxbaseSecrets.createSecret'), undefined);
      input.assertDone();
      assert.deepEqual(h.server.calls, []);
      assert.deepEqual(h.notifier.shown, []);
    });
  });

  it('reports a name taken in the scope (409) once, in the server’s words', async () => {
    const h = await signedIn();
    h.server.failNext(
      'create',
      new FluxbaseApiError('conflict', 'A secret with this name already exists in the specified scope', {
        status: 409,
      }),
    );
    h.script(globalSteps());
    assert.equal(await h.run('fluxbaseSecrets.createSecret'), undefined);
    assert.deepEqual(h.notifier.shown, [
      {
        level: 'error',
        message: 'Could not create the secret: A secret with this name already exists in the specified scope.',
        actions: ['Show Logs'],
      },
    ]);
  });

  it('on refused credentials offers Sign In and marks the connection session-expired', async () => {
    const h = await signedIn();
    h.server.failNext('create', new FluxbaseApiError('auth', 'Invalid or expired Bearer token (401)', { status: 401 }));
    h.script(globalSteps());
    await h.run('fluxbaseSecrets.createSecret');
    assert.equal(h.notifier.shown.length, 1);
    assert.deepEqual(h.notifier.shown[0]?.actions, ['Sign In']);
    assert.equal(h.store.connections()[0]?.status, 'sessionExpired');
  });

  it('on an unreachable server says to check the URL', async () => {
    const h = await signedIn();
    h.server.failNext(
      'create',
      new FluxbaseApiError('network', 'Cannot reach https://fluxbase.example.com: ECONNREFUSED'),
    );
    h.script(globalSteps());
    await h.run('fluxbaseSecrets.createSecret');
    assert.match(h.notifier.shown[0]?.message ?? '', /Check the URL/);
    assert.deepEqual(h.notifier.shown[0]?.actions, ['Show Logs']);
  });

  it('asks to sign in before any question when the prefilled connection is signed out', async () => {
    const h = commandHarness();
    await h.store.refresh();
    const input = h.script([]);
    await h.run('fluxbaseSecrets.createSecret', { connectionId: h.store.connections()[0]!.id, name: 'X' });
    input.assertDone();
    assert.deepEqual(h.notifier.shown, [{ level: 'warn', message: 'Sign in to "Prod" first.', actions: ['Sign In'] }]);
  });

  it('asks to sign in first when no connection is signed in', async () => {
    const h = commandHarness();
    await h.store.refresh();
    const input = h.script([]);
    await h.run('fluxbaseSecrets.createSecret');
    input.assertDone();
    assert.deepEqual(h.notifier.shown, [
      { level: 'warn', message: 'Sign in to a Fluxbase connection first.', actions: ['Sign In'] },
    ]);
  });
});
