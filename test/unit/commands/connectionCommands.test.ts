import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import { ENVIRONMENT_CONNECTION_ID, type Connection } from '../../../src/core/connections/connection';
import { ACCESS_TOKEN, ADMIN, SERVICE_KEY } from '../explorer/support/fakeFluxbase';
import { settingsConnection } from '../explorer/support/fakes';
import { commandHarness } from './support/commandHarness';
import { CANCEL, choose, pick, text, type Step } from './support/scriptedUserInput';

const METHODS = ['Email and Password', 'Service Key', 'Access Token'];

function passwordSteps(): Step[] {
  return [
    pick(/Sign In to Prod/, 'Email and Password', METHODS),
    text(/Email/, ADMIN.email, { password: false }),
    text(/Password/, ADMIN.password, { password: true }),
  ];
}

describe('fluxbaseSecrets.signIn', () => {
  it('signs in with email and password, stores the session and loads the tree', async () => {
    const h = commandHarness();
    await h.store.refresh();
    const input = h.script(passwordSteps());
    await h.run('fluxbaseSecrets.signIn');
    input.assertDone();
    const id = h.store.connections()[0]!.id;
    const stored = await h.credentials.get(id);
    assert.equal(stored?.type, 'session');
    assert.equal(h.store.connection(id)?.status, 'ready');
    assert.deepEqual(h.server.calls, ['login', 'list']);
    assert.deepEqual(h.notifier.shown, [{ level: 'info', message: 'Signed in to "Prod".', actions: [] }]);
    assert.ok(!h.logger.lines.join('\n').includes(ADMIN.password));
  });

  it('asks for the 2FA code when the server wants it', async () => {
    const h = commandHarness();
    h.server.requires2fa = true;
    h.script([
      ...passwordSteps(),
      text(/Two-factor authentication code/, '123 456', { rejected: [{ answer: '12345', message: /6-digit/ }] }),
    ]);
    await h.run('fluxbaseSecrets.signIn');
    h.input.assertDone();
    assert.deepEqual(h.server.calls, ['login', 'verify2fa', 'list']);
    assert.equal((await h.credentials.get(h.store.connections()[0]!.id))?.type, 'session');
  });

  it('checks a service key with one stats request before storing it', async () => {
    const h = commandHarness();
    h.script([pick(/Sign In/, 'Service Key'), text(/Service key/, ` ${SERVICE_KEY} `, { password: true })]);
    await h.run('fluxbaseSecrets.signIn');
    assert.deepEqual(h.server.calls, ['stats', 'list']);
    assert.deepEqual(await h.credentials.get(h.store.connections()[0]!.id), { type: 'serviceKey', key: SERVICE_KEY });
  });

  it('checks a pasted access token with me() before storing it', async () => {
    const h = commandHarness();
    h.script([pick(/Sign In/, 'Access Token'), text(/access token/, ACCESS_TOKEN, { password: true })]);
    await h.run('fluxbaseSecrets.signIn');
    assert.deepEqual(h.server.calls, ['me', 'list']);
    assert.deepEqual(await h.credentials.get(h.store.connections()[0]!.id), {
      type: 'session',
      accessToken: ACCESS_TOKEN,
    });
  });

  it('reports wrong credentials once, stores nothing, closes the client and offers to try again', async () => {
    const h = commandHarness();
    h.script([pick(/Sign In/, 'Service Key'), text(/Service key/, 'sk_wrong_key_0000000')]);
    await h.run('fluxbaseSecrets.signIn');
    assert.equal(h.notifier.shown.length, 1);
    assert.match(h.notifier.shown[0]!.message, /Could not sign in: "Prod" refused the credentials/);
    assert.deepEqual(h.notifier.shown[0]!.actions, ['Sign In']);
    assert.deepEqual(h.credentials.writes, []);
    assert.equal(h.server.clients[0]?.closed, true);
    assert.ok(!h.notifier.shown[0]!.message.includes('sk_wrong_key'));
  });

  it('reports a wrong password in the client’s words', async () => {
    const h = commandHarness();
    h.script([pick(/Sign In/, 'Email and Password'), text(/Email/, ADMIN.email), text(/Password/, 'nope')]);
    await h.run('fluxbaseSecrets.signIn');
    assert.match(h.notifier.shown[0]!.message, /Wrong email or password/);
  });

  it('says to check the URL when the server cannot be reached', async () => {
    const h = commandHarness();
    h.server.failNext('login', new FluxbaseApiError('network', 'Cannot reach https://fluxbase.example.com: ENOTFOUND'));
    h.script(passwordSteps());
    await h.run('fluxbaseSecrets.signIn');
    assert.match(
      h.notifier.shown[0]!.message,
      /cannot reach "Prod" at https:\/\/fluxbase\.example\.com.*Check the URL/,
    );
    assert.deepEqual(h.notifier.shown[0]!.actions, ['Show Logs']);
  });

  passwordSteps().forEach((_, index) => {
    it(`cancelling at question ${index + 1} stores nothing and shows nothing`, async () => {
      const h = commandHarness();
      const steps = passwordSteps().slice(0, index + 1);
      steps[index] = { ...steps[index]!, answer: CANCEL } as Step;
      h.script(steps);
      await h.run('fluxbaseSecrets.signIn');
      h.input.assertDone();
      assert.deepEqual(h.credentials.writes, []);
      assert.deepEqual(h.notifier.shown, []);
      assert.ok(!h.server.calls.includes('login'));
    });
  });

  it('cancelling the 2FA code stores nothing', async () => {
    const h = commandHarness();
    h.server.requires2fa = true;
    h.script([...passwordSteps(), text(/Two-factor/, CANCEL)]);
    await h.run('fluxbaseSecrets.signIn');
    assert.deepEqual(h.credentials.writes, []);
    assert.deepEqual(h.notifier.shown, []);
  });

  it('warns before sending credentials over plain http to another machine, and stops when declined', async () => {
    const remote = settingsConnection('Remote', 'http://fluxbase.internal:8080');
    const h = commandHarness([remote]);
    h.script([
      pick(/Sign In to Remote/, 'Service Key'),
      choose(/Send credentials to http:\/\/fluxbase\.internal:8080 unencrypted\?/, CANCEL, /plain http/),
    ]);
    await h.run('fluxbaseSecrets.signIn');
    h.input.assertDone();
    assert.deepEqual(h.server.calls, []);

    h.script([pick(/Sign In/, 'Service Key'), choose(/unencrypted/, 'Continue'), text(/Service key/, SERVICE_KEY)]);
    await h.run('fluxbaseSecrets.signIn');
    h.input.assertDone();
    assert.equal(h.store.connection(remote.id)?.status, 'ready');
  });

  it('does not warn for plain http to this machine', async () => {
    const local = settingsConnection('Local', 'http://127.0.0.1:8080');
    const h = commandHarness([local]);
    h.script([pick(/Sign In/, 'Service Key'), text(/Service key/, SERVICE_KEY)]);
    await h.run('fluxbaseSecrets.signIn');
    h.input.assertDone();
  });

  it('asks which connection when there are several, and takes the one of a node without asking', async () => {
    const a = settingsConnection('A', 'https://a.example.com');
    const b = settingsConnection('B', 'https://b.example.com');
    const h = commandHarness([a, b]);
    await h.store.refresh();
    h.script([pick(/Sign In/, 'B', ['A', 'B']), pick(/Sign In to B/, CANCEL)]);
    await h.run('fluxbaseSecrets.signIn');
    h.input.assertDone();
    h.script([pick(/Sign In to A/, CANCEL)]);
    await h.run('fluxbaseSecrets.signIn', { kind: 'message', connectionId: a.id });
    h.input.assertDone();
  });

  it('signs the environment connection in again with no questions', async () => {
    const environment: Connection = {
      id: ENVIRONMENT_CONNECTION_ID,
      name: 'Environment',
      url: 'https://env.example.com',
      source: 'environment',
    };
    const h = commandHarness([environment], new Map([[environment.id, { type: 'serviceKey', key: SERVICE_KEY }]]));
    await h.store.refresh();
    assert.equal(h.store.connection(environment.id)?.status, 'ready', 'signed in from the environment at once');
    await h.sessions.signOut(environment);
    await h.store.refresh();
    assert.equal(h.store.connection(environment.id)?.status, 'signedOut');
    h.script([]);
    await h.run('fluxbaseSecrets.signIn', environment.id);
    h.input.assertDone();
    assert.equal(h.store.connection(environment.id)?.status, 'ready');
    assert.deepEqual(h.credentials.writes, []);
  });
});

describe('fluxbaseSecrets.signOut', () => {
  it('removes the stored credentials, closes the client and shows the connection signed out', async () => {
    const h = commandHarness();
    await h.signIn();
    const id = h.store.connections()[0]!.id;
    const client = h.store.clientFor(id)!;
    h.script([]);
    await h.run('fluxbaseSecrets.signOut', { kind: 'connection', connectionId: id });
    assert.equal(await h.credentials.get(id), undefined);
    assert.equal(client.closed, true);
    assert.equal(h.store.connection(id)?.status, 'signedOut');
    assert.deepEqual(h.notifier.shown, [{ level: 'info', message: 'Signed out of "Prod".', actions: [] }]);
  });

  it('from the palette with nothing signed in asks to sign in', async () => {
    const h = commandHarness();
    await h.store.refresh();
    h.script([]);
    await h.run('fluxbaseSecrets.signOut');
    assert.deepEqual(h.notifier.shown[0]?.actions, ['Sign In']);
  });
});

describe('fluxbaseSecrets.addConnection', () => {
  it('asks for a valid URL and a unique name, saves the connection, then starts signing in to it', async () => {
    const h = commandHarness();
    h.script([
      text(/URL of the Fluxbase server/, 'https://staging.example.com/', {
        rejected: [
          { answer: '', message: /Enter the server URL/ },
          { answer: 'ftp://x', message: /http:\/\/ or https:\/\// },
        ],
      }),
      text(/Name of the connection/, 'Staging', {
        prefilled: 'staging.example.com',
        rejected: [{ answer: 'prod', message: /already exists/ }],
      }),
    ]);
    await h.run('fluxbaseSecrets.addConnection');
    h.input.assertDone();
    const added = h.registry.list().find((connection) => connection.name === 'Staging');
    assert.equal(added?.url, 'https://staging.example.com');
    assert.deepEqual(h.executed, [{ id: 'fluxbaseSecrets.signIn', arg: added?.id }]);
  });

  it('cancelling either question adds nothing', async () => {
    for (const steps of [[text(/URL/, CANCEL)], [text(/URL/, 'https://x.example.com'), text(/Name/, CANCEL)]]) {
      const h = commandHarness();
      h.script(steps);
      await h.run('fluxbaseSecrets.addConnection');
      assert.equal(h.registry.list().length, 1);
      assert.deepEqual(h.executed, []);
      assert.deepEqual(h.notifier.shown, []);
    }
  });
});

describe('fluxbaseSecrets.removeConnection', () => {
  it('after confirmation signs out (deleting stored credentials) and removes the connection', async () => {
    const h = commandHarness();
    await h.signIn();
    const id = h.store.connections()[0]!.id;
    h.script([
      choose(/Remove the connection "Prod"\?/, 'Remove', /secrets on https:\/\/fluxbase\.example\.com are not touched/),
    ]);
    await h.run('fluxbaseSecrets.removeConnection', { kind: 'connection', connectionId: id });
    assert.deepEqual(h.registry.list(), []);
    assert.equal(await h.credentials.get(id), undefined);
  });

  it('keeps the connection when not confirmed', async () => {
    const h = commandHarness();
    h.script([choose(/Remove/, CANCEL)]);
    await h.run('fluxbaseSecrets.removeConnection');
    assert.equal(h.registry.list().length, 1);
  });

  it('explains that the environment connection comes from environment variables', async () => {
    const environment: Connection = {
      id: ENVIRONMENT_CONNECTION_ID,
      name: 'Environment',
      url: 'https://e.example.com',
      source: 'environment',
    };
    const h = commandHarness([environment]);
    h.script([]);
    await h.run('fluxbaseSecrets.removeConnection', environment.id);
    assert.match(h.notifier.shown[0]!.message, /FLUXBASE_URL and FLUXBASE_SERVICE_TOKEN/);
    assert.equal(h.registry.list().length, 1);
  });
});

describe('fluxbaseSecrets.refresh', () => {
  it('refreshes the connection of the node, or all connections from the palette', async () => {
    const a = settingsConnection('A', 'https://a.example.com');
    const b = settingsConnection('B', 'https://b.example.com');
    const h = commandHarness([a, b]);
    await h.signIn(a);
    await h.signIn(b);
    h.serverFor(a.url).calls.length = 0;
    h.serverFor(b.url).calls.length = 0;
    await h.run('fluxbaseSecrets.refresh', { kind: 'connection', connectionId: b.id });
    assert.deepEqual([h.serverFor(a.url).calls, h.serverFor(b.url).calls], [[], ['list']]);
    await h.run('fluxbaseSecrets.refresh');
    assert.deepEqual([h.serverFor(a.url).calls, h.serverFor(b.url).calls], [['list'], ['list', 'list']]);
  });

  it('shows a failing refresh in the tree, not as a message', async () => {
    const h = commandHarness();
    await h.signIn();
    h.server.failNext('list', new FluxbaseApiError('server', 'Failed to list secrets (500)', { status: 500 }));
    await h.run('fluxbaseSecrets.refresh');
    assert.deepEqual(h.notifier.shown, []);
    assert.equal(h.store.connections()[0]?.status, 'error');
  });
});

describe('filter commands', () => {
  it('sets the filter from the box (prefilled with the current one) and clears it', async () => {
    const h = commandHarness();
    h.script([text(/Filter Secrets/, 'stripe', { prefilled: '' })]);
    await h.run('fluxbaseSecrets.filter');
    assert.equal(h.filter.text, 'stripe');
    h.script([text(/Filter Secrets/, CANCEL, { prefilled: 'stripe' })]);
    await h.run('fluxbaseSecrets.filter');
    assert.equal(h.filter.text, 'stripe', 'cancelling keeps the filter');
    await h.run('fluxbaseSecrets.clearFilter');
    assert.equal(h.filter.active, false);
  });
});

describe('fluxbaseSecrets.showEffectiveVariables', () => {
  async function seeded() {
    const h = commandHarness();
    h.server.seed({ name: 'stripe_key' });
    h.server.seed({ name: 'STRIPE_KEY', scope: 'namespace', namespace: 'payments' });
    h.server.seed({ name: 'OTHER', scope: 'namespace', namespace: 'jobs' });
    await h.signIn();
    return h;
  }

  it('lists what a function of the namespace sees, overrides marked, and copies the chosen reference', async () => {
    const h = await seeded();
    h.script([
      pick(/What Does a Function/, 'payments', ['default', 'jobs', 'payments', '$(add) Another namespace…']),
      pick(/A function in namespace "payments" sees 1 secret variable/, 'FLUXBASE_SECRET_STRIPE_KEY'),
    ]);
    await h.run('fluxbaseSecrets.showEffectiveVariables');
    h.input.assertDone();
    assert.deepEqual(h.clipboard.texts, ['Deno.env.get("FLUXBASE_SECRET_STRIPE_KEY")']);
  });

  it('describes where each variable comes from', async () => {
    const h = await seeded();
    const descriptions: (string | undefined)[] = [];
    h.script([]);
    h.input.pick = async (items) => {
      descriptions.push(...items.map((item) => item.description));
      throw Object.assign(new Error('stop'), { [Symbol.for('fluxbaseSecrets.userCancelled')]: true });
    };
    await h.run('fluxbaseSecrets.showEffectiveVariables', {
      kind: 'namespace',
      connectionId: h.store.connections()[0]!.id,
      namespace: 'payments',
    });
    assert.deepEqual(descriptions, ['from namespace payments · overrides global "stripe_key"']);
  });

  it('says so when a function of the namespace sees nothing', async () => {
    const h = commandHarness();
    h.server.seed({ name: 'X', scope: 'namespace', namespace: 'other' });
    await h.signIn();
    h.script([pick(/What Does/, '$(add) Another namespace…'), text(/Namespace name/, 'empty')]);
    await h.run('fluxbaseSecrets.showEffectiveVariables');
    assert.deepEqual(h.notifier.shown, [
      { level: 'info', message: 'A function in namespace "empty" on "Prod" sees no secret.', actions: [] },
    ]);
  });
});

describe('choosing a secret from the palette', () => {
  it('offers the secrets of every signed-in connection, naming the connection when there are several', async () => {
    const a = settingsConnection('A', 'https://a.example.com');
    const b = settingsConnection('B', 'https://b.example.com');
    const h = commandHarness([a, b]);
    h.serverFor(a.url).seed({ name: 'ONE' });
    h.serverFor(b.url).seed({ name: 'TWO', scope: 'namespace', namespace: 'ns' });
    await h.signIn(a);
    await h.signIn(b);
    const offered: string[] = [];
    h.script([]);
    h.input.pick = async (items) => {
      offered.push(...items.map((item) => `${item.label} (${item.description})`));
      return items[1]!.value;
    };
    await h.run('fluxbaseSecrets.copyName');
    assert.deepEqual(offered, ['ONE (Global · A)', 'TWO (namespace ns · B)']);
    assert.deepEqual(h.clipboard.texts, ['TWO']);
  });

  it('says how to create one when there is none', async () => {
    const h = commandHarness();
    await h.signIn();
    h.script([]);
    await h.run('fluxbaseSecrets.copyName');
    assert.match(h.notifier.shown[0]!.message, /There is no secret yet/);
  });
});

describe('fluxbaseSecrets.showLogs', () => {
  it('reveals the log channel', async () => {
    const h = commandHarness();
    await h.run('fluxbaseSecrets.showLogs');
    assert.equal(h.logsShown, 1);
  });
});
