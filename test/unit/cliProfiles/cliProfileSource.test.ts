import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveCliConfigPath } from '../../../src/core/cliProfiles/cliConfigPath';
import { CliProfileSource } from '../../../src/core/cliProfiles/cliProfileSource';
import { RecordingLogger } from '../explorer/support/fakes';
import { CliHome, cliConfigYaml } from './support/cliHome';

describe("Reading and following the CLI's config.yaml in a temporary home folder", () => {
  let home: CliHome;
  let logger: RecordingLogger;
  let warnings: string[];
  let source: CliProfileSource;

  beforeEach(() => {
    home = new CliHome();
    logger = new RecordingLogger();
    warnings = [];
    source = new CliProfileSource(resolveCliConfigPath('', home.home).path, {
      env: {},
      logger,
      warn: (message) => warnings.push(message),
    });
  });

  afterEach(() => {
    source.dispose();
    home.remove();
  });

  const names = (): string[] => source.entries().map((entry) => entry.connection.name);

  it('finds ~/.fluxbase/config.yaml by default, an absolute or ~/ setting, and refuses a relative one', () => {
    assert.equal(resolveCliConfigPath(undefined, home.home).path, home.configPath);
    assert.equal(resolveCliConfigPath('  ', home.home).path, home.configPath);
    assert.equal(resolveCliConfigPath('~/other/cli.yaml', home.home).path, join(home.home, 'other', 'cli.yaml'));
    assert.equal(resolveCliConfigPath('/etc/fluxbase.yaml', home.home).path, '/etc/fluxbase.yaml');
    const relative = resolveCliConfigPath('cli.yaml', home.home);
    assert.equal(relative.path, home.configPath);
    assert.match(relative.problem ?? '', /must be an absolute path/);
  });

  it('has no profiles and no warning while the file does not exist', async () => {
    await source.reload();
    assert.deepEqual(names(), []);
    assert.deepEqual(warnings, []);
  });

  it('lists the profiles, current first, and reads a token only when asked, from the file as it is then', async () => {
    home.write(cliConfigYaml());
    await source.reload();
    assert.deepEqual(names(), ['CLI: prod', 'CLI: dev', 'CLI: ci']);
    assert.ok(!JSON.stringify(source.entries()).includes('dev-access-token'), 'the list holds no token');

    const dev = source.entries()[1]!.connection.id;
    assert.equal((await source.readSignIn(dev))?.kind, 'accessToken');
    home.write(cliConfigYaml({ accessToken: 'after-a-new-login' }));
    const reread = await source.readSignIn(dev);
    assert.equal(reread?.kind === 'accessToken' && reread.accessToken, 'after-a-new-login');
    assert.equal(await source.readSignIn(source.entries()[0]!.connection.id), undefined, 'keychain: nothing');
    assert.equal(await source.readSignIn('cli:dev@http://elsewhere.example.com'), undefined);
  });

  it('gives one warning naming the file and line for a malformed file, keeps the last good list and recovers', async () => {
    home.write(cliConfigYaml());
    await source.reload();
    let changes = 0;
    source.onDidChange(() => changes++);

    home.write('version: "1"\ncurrent_profile: dev\nprofiles:\n\tdev:\n');
    await source.reload();
    await source.reload();
    assert.equal(warnings.length, 1, 'one warning, not one per read');
    assert.ok(warnings[0]!.includes(`${home.configPath}:4:`), warnings[0]);
    assert.deepEqual(names(), ['CLI: prod', 'CLI: dev', 'CLI: ci']);
    assert.equal(changes, 0);

    home.write(cliConfigYaml({ current: 'dev' }));
    await source.reload();
    assert.deepEqual(names(), ['CLI: dev', 'CLI: prod', 'CLI: ci']);
    assert.equal(changes, 1);
    assert.equal(warnings.length, 1);
  });

  it('shows a new `fluxbase auth login` without a reload: the file is watched, even before it exists', async () => {
    await source.reload();
    source.watch(20);
    const changed = new Promise<void>((resolve) => source.onDidChange(resolve));
    home.write(cliConfigYaml());
    await changed;
    assert.deepEqual(names(), ['CLI: prod', 'CLI: dev', 'CLI: ci']);
  });

  it('follows another file when the setting changes', async () => {
    home.write(cliConfigYaml());
    await source.reload();
    const other = join(home.home, 'elsewhere.yaml');
    await source.usePath(other);
    assert.equal(source.path, other);
    assert.deepEqual(names(), []);
  });

  it('never writes the file', async () => {
    home.write(cliConfigYaml({ expiresAt: 1 }));
    const before = statSync(home.configPath);
    const text = readFileSync(home.configPath, 'utf8');
    await source.reload();
    for (const entry of source.entries()) {
      await source.readSignIn(entry.connection.id);
    }
    const after = statSync(home.configPath);
    assert.equal(after.mtimeMs, before.mtimeMs);
    assert.equal(readFileSync(home.configPath, 'utf8'), text);
    assert.equal((after.mode & 0o777).toString(8), '600');
  });
});
