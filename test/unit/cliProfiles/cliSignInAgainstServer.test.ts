import * as assert from 'node:assert/strict';
import { parseCommandArgument } from '../../../src/core/commandArgument';
import { readFileSync } from 'node:fs';
import { CliProfileSource } from '../../../src/core/cliProfiles/cliProfileSource';
import { CliSignInLinks } from '../../../src/core/cliProfiles/cliSignInLinks';
import { RegistryWithCliProfiles } from '../../../src/core/cliProfiles/registryWithCliProfiles';
import { createClient, type FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import type { CommandDeps } from '../../../src/core/commands/commandDeps';
import { signInCommand } from '../../../src/core/commands/signIn';
import { ConnectionSessions } from '../../../src/core/connections/connectionSessions';
import { Emitter } from '../../../src/shared/disposable';
import { ExplorerFilter } from '../../../src/core/explorer/explorerFilter';
import { SecretsStore } from '../../../src/core/explorer/secretsStore';
import { ADMIN, startTestServer, type TestServer } from '../server/serverHarness';
import { RecordingNotifier } from '../commands/support/commandHarness';
import { pick, ScriptedUserInput } from '../commands/support/scriptedUserInput';
import { FakeRegistry, MemoryCredentialStore, RecordingLogger } from '../explorer/support/fakes';
import { CliHome, MemoryState } from './support/cliHome';

const NOW_SECONDS = Math.floor(Date.now() / 1000);

/** The extension's sign-in over real clients of the local server, with the CLI's file in a temporary home. */
function signInSetup(server: TestServer, home: CliHome) {
  const logger = new RecordingLogger();
  const source = new CliProfileSource(home.configPath, { env: {}, logger, warn: () => undefined });
  const links = new CliSignInLinks(new MemoryState(), source, logger);
  const credentials = new MemoryCredentialStore();
  const sessions = new ConnectionSessions<FluxbaseClient>({
    createClient: (connection) => createClient({ url: connection.url, logger }),
    credentials,
    linkedSignIns: links,
    logger,
  });
  const hidden = { names: () => [], hide: async () => undefined, onDidChange: new Emitter<void>().event };
  const registry = new RegistryWithCliProfiles(new FakeRegistry([]), source, hidden);
  const clock = { now: () => NOW_SECONDS * 1000 };
  const store = new SecretsStore<FluxbaseClient>({ registry, sessions, clock, logger });
  let input = new ScriptedUserInput([]);
  // Sign In reaches none of the code features' ports.
  const deps: Omit<CommandDeps, 'catalog' | 'editor' | 'files' | 'templateOutput' | 'historyPanels' | 'comparePanels'> =
    {
      store,
      sessions,
      registry,
      filter: new ExplorerFilter(),
      get input() {
        return input;
      },
      notifier: new RecordingNotifier(),
      clipboard: { writeText: async () => undefined },
      progress: {
        withProgress: (_title, task) => task(),
        withCancellableProgress: (_title, task) => task(() => undefined, { isCancellationRequested: false }),
      },
      clock,
      logger,
      showLogs: () => undefined,
      executeCommand: async () => undefined,
      cliProfiles: {
        profileOf: (id) => registry.profileOf(id),
        readSignIn: (id) => source.readSignIn(id),
      },
    };
  return {
    logger,
    source,
    links,
    credentials,
    store,
    sessions,
    script: (next: ScriptedUserInput) => (input = next),
    signIn: (connectionId: string) => signInCommand(deps as CommandDeps)(parseCommandArgument(connectionId)),
    /** The request lines the clients logged (method, route, status). */
    requests: () =>
      logger.lines.filter((line) => line.startsWith('debug HTTP')).map((line) => line.replace(/ \d+ms$/, '')),
    dispose: () => {
      store.dispose();
      sessions.dispose();
      source.dispose();
    },
  };
}

function profileYaml(server: string, credentials: string[]): string {
  return ['version: "1"', 'current_profile: dev', 'profiles:', '  dev:', '    name: dev', `    server: ${server}`]
    .concat(credentials.length ? ['    credential_store: file', '    credentials:', ...credentials] : [])
    .concat(['  vault:', '    name: vault', `    server: ${server}`, '    credential_store: keychain', ''])
    .join('\n');
}

describe("Signing in with the Fluxbase CLI's sign-in against the local server", function () {
  // Password hashing at login is deliberately slow; give a loaded machine room.
  this.timeout(20_000);

  let server: TestServer;
  let session: { access_token: string; refresh_token: string };
  let home: CliHome;
  let setup: ReturnType<typeof signInSetup>;

  before(async () => {
    server = await startTestServer({ admin: ADMIN });
    const client = createClient({ url: server.url });
    const login = await client.auth.login(ADMIN);
    assert.ok(!login.requires2fa);
    session = login.session;
    await client.close();
  });

  after(async () => {
    await server?.close();
  });

  beforeEach(() => {
    home = new CliHome();
  });

  afterEach(() => {
    setup?.dispose();
    home.remove();
  });

  async function signInWithCli(yaml: string): Promise<string> {
    home.write(yaml);
    setup = signInSetup(server, home);
    await setup.source.reload();
    const dev = setup.store.connections().find((connection) => connection.name === 'CLI: dev')!;
    const input = new ScriptedUserInput([
      pick(/Use the Fluxbase CLI's sign-in for profile "dev"/, "Use the CLI's sign-in", [
        "Use the CLI's sign-in",
        'Email and Password',
        'Service Key',
        'Access Token',
      ]),
    ]);
    setup.script(input);
    await setup.signIn(dev.id);
    input.assertDone();
    return dev.id;
  }

  it('refreshes an access token that expires within 60 s through /dashboard/auth/refresh first, as the CLI does', async () => {
    const yaml = profileYaml(server.url, [
      `      access_token: ${session.access_token}`,
      `      refresh_token: ${session.refresh_token}`,
      `      expires_at: ${NOW_SECONDS + 30}`,
    ]);
    const id = await signInWithCli(yaml);
    assert.deepEqual(setup.requests().slice(0, 2), [
      'debug HTTP POST /dashboard/auth/refresh 200',
      'debug HTTP GET /api/v1/secrets/stats 200',
    ]);
    assert.equal(setup.store.connection(id)?.status, 'ready');
    assert.ok(await setup.links.isLinked(id));
    assert.deepEqual(
      setup.credentials.writes.filter((write) => write.startsWith('set')),
      [],
    );
    assert.equal(readFileSync(home.configPath, 'utf8'), yaml, "the CLI's file is never written");
    const log = setup.logger.lines.join('\n');
    assert.match(log, /Signing in to "CLI: dev" with the profile's access token, sent as Authorization: Bearer/);
    assert.ok(!log.includes(session.access_token) && !log.includes(session.refresh_token));
  });

  it('signs in with an expired token when the refresh token still works', async () => {
    const yaml = profileYaml(server.url, [
      '      access_token: eyJ.not-valid-any-more.x',
      `      refresh_token: ${session.refresh_token}`,
      `      expires_at: ${NOW_SECONDS - 3600}`,
    ]);
    const id = await signInWithCli(yaml);
    assert.equal(setup.requests()[0], 'debug HTTP POST /dashboard/auth/refresh 200');
    assert.ok(!setup.requests().some((line) => / 401$/.test(line)), 'refreshed before sending, never refused');
    assert.equal(setup.store.connection(id)?.status, 'ready');
  });

  it('fails, linking nothing, when the token is refused and there is no refresh token', async () => {
    home.write(
      profileYaml(server.url, [
        '      access_token: eyJ.not-valid-any-more.x',
        `      expires_at: ${NOW_SECONDS - 3600}`,
      ]),
    );
    setup = signInSetup(server, home);
    await setup.source.reload();
    const dev = setup.store.connections().find((connection) => connection.name === 'CLI: dev')!;
    setup.script(new ScriptedUserInput([pick(/CLI's sign-in/, "Use the CLI's sign-in")]));
    await assert.rejects(setup.signIn(dev.id), /Invalid or expired Bearer token/);
    assert.deepEqual(setup.requests(), ['debug HTTP GET /api/v1/secrets/stats 401']);
    assert.equal(await setup.links.isLinked(dev.id), false);
    assert.equal(setup.sessions.clientFor(dev.id), undefined);
  });

  it('sends a token that is not about to expire as it is, without a refresh', async () => {
    const id = await signInWithCli(
      profileYaml(server.url, [
        `      access_token: ${session.access_token}`,
        `      refresh_token: ${session.refresh_token}`,
        `      expires_at: ${NOW_SECONDS + 3600}`,
      ]),
    );
    assert.deepEqual(setup.requests(), [
      'debug HTTP GET /api/v1/secrets/stats 200',
      'debug HTTP GET /api/v1/secrets 200',
    ]);
    assert.equal(setup.store.connection(id)?.status, 'ready');
  });

  it('sends an api_key as Authorization: Bearer and says so in the log', async () => {
    const id = await signInWithCli(profileYaml(server.url, [`      api_key: ${session.access_token}`]));
    assert.equal(setup.store.connection(id)?.status, 'ready');
    assert.match(setup.logger.lines.join('\n'), /the profile's api_key, sent as Authorization: Bearer/);
  });

  it('offers only the usual sign-in for a keychain profile, and says why', async () => {
    home.write(profileYaml(server.url, []));
    setup = signInSetup(server, home);
    await setup.source.reload();
    const vault = setup.store.connections().find((connection) => connection.name === 'CLI: vault')!;
    const input = new ScriptedUserInput([
      pick(
        /OS keychain \(fluxbase-cli\), which an extension cannot read without native modules/,
        'Email and Password',
        ['Email and Password', 'Service Key', 'Access Token'],
      ),
      { kind: 'text', ask: /Email/, answer: ADMIN.email },
      { kind: 'text', ask: /Password/, answer: ADMIN.password, password: true },
    ]);
    setup.script(input);
    await setup.signIn(vault.id);
    input.assertDone();
    assert.equal(setup.store.connection(vault.id)?.status, 'ready');
    assert.equal((await setup.credentials.get(vault.id))?.type, 'session', 'stored like any other sign-in');
    assert.equal(await setup.links.isLinked(vault.id), false);
  });
});
