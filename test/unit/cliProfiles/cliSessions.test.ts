import * as assert from 'node:assert/strict';
import { CliProfileSource } from '../../../src/core/cliProfiles/cliProfileSource';
import { CliSignInLinks } from '../../../src/core/cliProfiles/cliSignInLinks';
import { RegistryWithCliProfiles, type HiddenCliProfiles } from '../../../src/core/cliProfiles/registryWithCliProfiles';
import type { Connection } from '../../../src/core/connections/connection';
import { ConnectionSessions } from '../../../src/core/connections/connectionSessions';
import { Emitter } from '../../../src/shared/disposable';
import { FakeFluxbase, type FakeClient } from '../explorer/support/fakeFluxbase';
import { FakeRegistry, MemoryCredentialStore, RecordingLogger, settingsConnection } from '../explorer/support/fakes';
import { CliHome, cliConfigYaml, MemoryState } from './support/cliHome';

const DEV_URL = 'http://127.0.0.1:8080';

/** Sessions over a FakeFluxbase with the CLI's file in a temporary home and linked sign-ins in memory. */
async function cliSetup() {
  const home = new CliHome();
  home.write(cliConfigYaml({ devServer: DEV_URL }));
  const logger = new RecordingLogger();
  const source = new CliProfileSource(home.configPath, { env: {}, logger, warn: () => undefined });
  await source.reload();
  const state = new MemoryState();
  const links = new CliSignInLinks(state, source, logger);
  const server = new FakeFluxbase(DEV_URL);
  server.validTokens.add('dev-access-token');
  const credentials = new MemoryCredentialStore();
  const sessions = new ConnectionSessions<FakeClient>({
    createClient: () => server.client(),
    credentials,
    linkedSignIns: links,
    logger,
  });
  const dev = source.entries().find((entry) => entry.profile === 'dev')!.connection;
  return { home, logger, source, state, links, server, credentials, sessions, dev };
}

describe('Sessions of CLI-profile connections', () => {
  let setup: Awaited<ReturnType<typeof cliSetup>>;
  beforeEach(async () => {
    setup = await cliSetup();
  });
  afterEach(() => {
    setup.sessions.dispose();
    setup.source.dispose();
    setup.home.remove();
  });

  it('with the CLI’s sign-in stores no token, and the next session reads the file again', async () => {
    const { sessions, dev, credentials, server, links, home, logger } = setup;
    const client = server.client();
    client.auth.useAccessToken('dev-access-token', 'dev-refresh-token');
    await sessions.adopt(dev, client, { linked: true });
    const sets = (): string[] => credentials.writes.filter((write) => write.startsWith('set'));
    assert.deepEqual(sets(), []);
    assert.ok(await links.isLinked(dev.id));

    client.auth.simulateRefresh('refreshed-in-memory');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(sets(), [], 'a refreshed token is not stored either');

    // A new window: the session starts from the file, which a new login changed meanwhile.
    home.write(cliConfigYaml({ devServer: DEV_URL, accessToken: 'from-a-new-login' }));
    const next = new ConnectionSessions<FakeClient>({
      createClient: () => server.client(),
      credentials,
      linkedSignIns: links,
      logger,
    });
    const restored = await next.restore(dev);
    assert.deepEqual(restored?.auth.credentials, {
      type: 'session',
      accessToken: 'from-a-new-login',
      refreshToken: 'dev-refresh-token',
    });
    assert.ok(logger.lines.some((line) => /uses the Fluxbase CLI's sign-in: the profile's access token/.test(line)));
    assert.ok(!logger.lines.join('\n').includes('from-a-new-login'));
    next.dispose();
  });

  it('with the usual sign-in stores the credentials like a settings connection, and forgets a link', async () => {
    const { sessions, dev, credentials, server, links } = setup;
    await links.link(dev.id);
    const client = server.client();
    client.auth.useAccessToken('dev-access-token');
    await sessions.adopt(dev, client);
    assert.deepEqual(await credentials.get(dev.id), { type: 'session', accessToken: 'dev-access-token' });
    assert.equal(await links.isLinked(dev.id), false);
  });

  it('on sign-out forgets the link, so the next session does not read the file', async () => {
    const { sessions, dev, server, links } = setup;
    const client = server.client();
    client.auth.useAccessToken('dev-access-token');
    await sessions.adopt(dev, client, { linked: true });
    await sessions.signOut(dev);
    assert.equal(await links.isLinked(dev.id), false);
    assert.equal(await sessions.restore(dev), undefined);
  });

  it('restores nothing for a linked profile the CLI has signed out of', async () => {
    const { sessions, dev, server, links, home, logger } = setup;
    await links.link(dev.id);
    home.write(`profiles:\n  dev:\n    server: ${DEV_URL}\n`);
    assert.equal(await sessions.restore(dev), undefined);
    assert.equal(server.clients.length, 0);
    assert.ok(logger.lines.some((line) => /has no sign-in for this profile any more/.test(line)));
  });

  it('does not link a settings connection even when asked to', async () => {
    const { sessions, server, links, credentials } = setup;
    const prod = settingsConnection('Prod');
    const client = server.client();
    client.auth.useAccessToken('dev-access-token');
    await sessions.adopt(prod, client, { linked: true });
    assert.equal(await links.isLinked(prod.id), false);
    assert.equal((await credentials.get(prod.id))?.type, 'session');
  });
});

class MemoryHidden implements HiddenCliProfiles {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  hiddenNames: string[] = [];
  names(): readonly string[] {
    return this.hiddenNames;
  }
  async hide(profile: string): Promise<void> {
    this.hiddenNames = [...this.hiddenNames, profile];
    this.changed.fire();
  }
}

describe('The registry with CLI profiles', () => {
  it('lists the other connections, then the profiles; removing a profile hides it and leaves the file alone', async () => {
    const setup = await cliSetup();
    try {
      const settings: Connection = settingsConnection('Prod');
      const base = new FakeRegistry([settings]);
      const hidden = new MemoryHidden();
      const registry = new RegistryWithCliProfiles(base, setup.source, hidden);
      let changes = 0;
      registry.onDidChange(() => changes++);
      assert.deepEqual(
        registry.list().map((connection) => connection.name),
        ['Prod', 'CLI: prod', 'CLI: dev', 'CLI: ci'],
      );
      const text = (await import('node:fs')).readFileSync(setup.home.configPath, 'utf8');
      await registry.remove(setup.dev.id);
      assert.deepEqual(hidden.hiddenNames, ['dev']);
      assert.deepEqual(
        registry.list().map((connection) => connection.name),
        ['Prod', 'CLI: prod', 'CLI: ci'],
      );
      assert.equal(registry.profileOf(setup.dev.id), undefined);
      assert.equal(registry.profileOf(registry.list()[1]!.id)?.profile, 'prod');
      assert.equal((await import('node:fs')).readFileSync(setup.home.configPath, 'utf8'), text);
      assert.equal(changes, 1);

      await registry.remove(settings.id);
      assert.equal(base.list().length, 0);
      await registry.add({ name: 'New', url: 'https://new.example.com' });
      assert.equal(base.list()[0]?.name, 'New');
      registry.dispose();
    } finally {
      setup.source.dispose();
      setup.home.remove();
    }
  });
});
