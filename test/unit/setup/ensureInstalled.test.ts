/**
 * scripts/ensureInstalled.mjs, shared by `npm start` and `npm test` (issue 18):
 * on a fresh machine it installs the Debian packages, the npm dependencies and
 * code-server, each only when missing, as root, through passwordless sudo, or
 * not at all (with the command to run); a second run installs nothing.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { importScript } from '../../support/importScript';

interface Needs {
  codeServer: boolean;
  browser: boolean;
}

interface System {
  hasDpkg(): boolean;
  installedDebianPackages(names: readonly string[]): string[];
  isRoot(): boolean;
  hasSudo(): boolean;
  sudoWorksWithoutPassword(): boolean;
  run(command: string, args: readonly string[]): number;
  staleDependencies(): string | undefined;
  codeServerInstalled(): boolean;
  log(line: string): void;
}

interface EnsureInstalledModule {
  DEBIAN_PACKAGES: { build: readonly string[]; codeServer: readonly string[]; browser: readonly string[] };
  ensureInstalled(needs: Needs, who: string, system: System): void;
  staleDependencies(dir: string): string | undefined;
  checkNodeVersion(version: string): void;
}

/** A machine in memory: what is installed, who runs, and every command run (installs change the state as they would). */
class FakeMachine implements System {
  readonly ran: string[] = [];
  readonly logged: string[] = [];
  dpkg = true;
  root = true;
  sudo: 'none' | 'password' | 'passwordless' = 'none';
  installed = new Set<string>();
  stale: string | undefined = 'node_modules is missing';
  codeServer = false;
  /** A command (its first word after sudo and env) that exits 1. */
  failing: string | undefined;

  hasDpkg = (): boolean => this.dpkg;
  installedDebianPackages = (names: readonly string[]): string[] => names.filter((name) => this.installed.has(name));
  isRoot = (): boolean => this.root;
  hasSudo = (): boolean => this.sudo !== 'none';
  sudoWorksWithoutPassword = (): boolean => this.sudo === 'passwordless';
  staleDependencies = (): string | undefined => this.stale;
  codeServerInstalled = (): boolean => this.codeServer;
  log = (line: string): void => void this.logged.push(line);

  run = (command: string, args: readonly string[]): number => {
    const line = [command, ...args].join(' ');
    this.ran.push(line);
    if (this.failing && line.includes(this.failing)) {
      return 1;
    }
    const install = args.indexOf('install');
    if (line.includes('apt-get') && install !== -1) {
      args
        .slice(install + 1)
        .filter((arg) => !arg.startsWith('-'))
        .forEach((name) => this.installed.add(name));
    } else if (command === 'npm' && args[0] === 'ci') {
      this.stale = undefined;
    } else if (line.endsWith('installCodeServer.sh')) {
      this.codeServer = true;
    }
    return 0;
  };
}

describe('scripts/ensureInstalled.mjs: what npm start and npm test install first (issue 18)', () => {
  let setup: EnsureInstalledModule;
  let allPackages: string[] = [];
  const savedChromium = process.env.FLUXBASE_CHROMIUM;
  const forTests: Needs = { codeServer: true, browser: true };

  before(async () => {
    setup = await importScript<EnsureInstalledModule>('ensureInstalled.mjs');
    allPackages = [
      ...setup.DEBIAN_PACKAGES.build,
      ...setup.DEBIAN_PACKAGES.codeServer,
      ...setup.DEBIAN_PACKAGES.browser,
    ];
    delete process.env.FLUXBASE_CHROMIUM;
  });

  after(() => {
    if (savedChromium !== undefined) {
      process.env.FLUXBASE_CHROMIUM = savedChromium;
    }
  });

  it('on a fresh machine, as root: the Debian packages, then npm ci, then code-server', () => {
    const machine = new FakeMachine();
    setup.ensureInstalled(forTests, 'npm test', machine);
    const apt = 'env DEBIAN_FRONTEND=noninteractive apt-get';
    assert.equal(machine.ran.length, 4);
    assert.equal(machine.ran[0], `${apt} update -qq`);
    assert.equal(machine.ran[1], `${apt} install -y -qq ${allPackages.join(' ')}`);
    assert.equal(machine.ran[2], 'npm ci --no-audit --no-fund');
    assert.match(machine.ran[3] ?? '', /^bash \S+\/scripts\/installCodeServer\.sh$/);
    assert.ok(allPackages.includes('chromium') && allPackages.includes('ripgrep') && allPackages.includes('python3'));
  });

  it('a second run installs nothing: it starts straight away', () => {
    const machine = new FakeMachine();
    setup.ensureInstalled(forTests, 'npm test', machine);
    const firstRun = machine.ran.length;
    setup.ensureInstalled(forTests, 'npm test', machine);
    setup.ensureInstalled({ codeServer: true, browser: false }, 'npm start', machine);
    assert.deepEqual(machine.ran.slice(firstRun), []);
    assert.equal(machine.logged.length, 3, 'one line per install of the first run, none after');
  });

  it('installs only the Debian packages that are missing', () => {
    const machine = new FakeMachine();
    allPackages.filter((name) => name !== 'ripgrep').forEach((name) => machine.installed.add(name));
    machine.stale = undefined;
    machine.codeServer = true;
    setup.ensureInstalled(forTests, 'npm test', machine);
    assert.deepEqual(machine.ran, [
      'env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep',
    ]);
  });

  it('not root: installs through sudo -n when it needs no password', () => {
    const machine = new FakeMachine();
    machine.root = false;
    machine.sudo = 'passwordless';
    setup.ensureInstalled(forTests, 'npm test', machine);
    assert.deepEqual(
      machine.ran.slice(0, 2).map((line) => line.split(' ').slice(0, 6).join(' ')),
      [
        'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update',
        'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install',
      ],
    );
  });

  it('not root and sudo asks for a password: stops before anything, with the exact command to run', () => {
    const machine = new FakeMachine();
    machine.root = false;
    machine.sudo = 'password';
    machine.installed = new Set(allPackages.filter((name) => name !== 'chromium' && name !== 'ripgrep'));
    assert.throws(
      () => setup.ensureInstalled(forTests, 'npm test', machine),
      (error: Error) => {
        assert.match(error.message, /^npm test needs Debian packages that are not installed: ripgrep chromium\./);
        assert.ok(
          error.message.includes('\n  sudo apt-get update && sudo apt-get install -y ripgrep chromium'),
          error.message,
        );
        return true;
      },
    );
    assert.deepEqual(machine.ran, [], 'no npm ci and no code-server install either');
  });

  it('not root and no sudo at all: the command to run as root with su', () => {
    const machine = new FakeMachine();
    machine.root = false;
    machine.installed = new Set(allPackages.filter((name) => name !== 'python3'));
    assert.throws(
      () => setup.ensureInstalled({ codeServer: false, browser: false }, 'npm start', machine),
      /npm start again:\n {2}su -c 'apt-get update && apt-get install -y python3'$/,
    );
  });

  it('asks only for what the run needs: no code-server or Chromium for the unit layer or desktop VS Code', () => {
    const machine = new FakeMachine();
    setup.ensureInstalled({ codeServer: false, browser: false }, 'npm run test:unit', machine);
    assert.deepEqual(machine.ran.slice(1), [
      `env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${setup.DEBIAN_PACKAGES.build.join(' ')}`,
      'npm ci --no-audit --no-fund',
    ]);
  });

  it('does not install Chromium when FLUXBASE_CHROMIUM names another browser', () => {
    const machine = new FakeMachine();
    process.env.FLUXBASE_CHROMIUM = '/opt/chrome/chrome';
    try {
      setup.ensureInstalled(forTests, 'npm test', machine);
    } finally {
      delete process.env.FLUXBASE_CHROMIUM;
    }
    assert.ok(!machine.installed.has('chromium'));
    assert.ok(machine.installed.has('ripgrep'));
  });

  it('without dpkg (not Debian) installs no packages and goes on', () => {
    const machine = new FakeMachine();
    machine.dpkg = false;
    setup.ensureInstalled(forTests, 'npm test', machine);
    assert.deepEqual(machine.ran.slice(0, 1), ['npm ci --no-audit --no-fund']);
  });

  it('stops at the first failing step and names it', () => {
    const machine = new FakeMachine();
    machine.failing = 'apt-get install';
    assert.throws(
      () => setup.ensureInstalled(forTests, 'npm test', machine),
      /`env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq .*` failed/,
    );
    assert.equal(machine.ran.length, 2, 'no npm ci after a failed apt-get');

    const npmFails = new FakeMachine();
    npmFails.failing = 'npm ci';
    assert.throws(() => setup.ensureInstalled(forTests, 'npm test', npmFails), /npm ci failed/);
    assert.ok(!npmFails.ran.some((line) => line.endsWith('installCodeServer.sh')));
  });

  it('refuses a Node older than 20.18.1', () => {
    assert.throws(() => setup.checkNodeVersion('20.18.0'), /Node 20\.18\.1 or later is needed; this is Node 20\.18\.0/);
    assert.doesNotThrow(() => setup.checkNodeVersion('20.18.1'));
    assert.doesNotThrow(() => setup.checkNodeVersion('22.0.0'));
  });

  describe('staleDependencies: whether node_modules matches package-lock.json', () => {
    let dir = '';

    beforeEach(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'fluxbase-deps-'));
      const lock = {
        packages: {
          '': { name: 'x' },
          'node_modules/a': { version: '1.0.0' },
          'node_modules/@esbuild/other-os': { version: '0.25.0', optional: true },
        },
      };
      writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(lock));
    });

    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function install(name: string, version: string): void {
      mkdirSync(path.join(dir, 'node_modules', name), { recursive: true });
      writeFileSync(path.join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
    }

    it('says why when node_modules is missing, a package is missing or has another version', () => {
      assert.equal(setup.staleDependencies(dir), 'node_modules is missing');
      mkdirSync(path.join(dir, 'node_modules'));
      assert.equal(setup.staleDependencies(dir), 'node_modules/a is missing');
      install('a', '0.9.0');
      assert.equal(setup.staleDependencies(dir), 'node_modules/a is 0.9.0, package-lock.json wants 1.0.0');
    });

    it('is undefined when every package matches (another platform’s optional binaries rightly missing)', () => {
      install('a', '1.0.0');
      assert.equal(setup.staleDependencies(dir), undefined);
    });
  });
});
