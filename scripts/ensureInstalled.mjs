// What `npm start` and `npm test` install on a fresh machine before they do
// anything else, and nothing that is already there, so that a second run
// starts straight away:
//
//   1. the Debian packages they need (as root directly, otherwise through
//      `sudo -n` when that works without a password; otherwise it stops with
//      the exact command to run),
//   2. `npm ci` when node_modules is missing or does not match package-lock.json,
//   3. code-server into its cache folder (scripts/installCodeServer.sh).
//
// Node built-ins only: this runs before `npm ci`. `node scripts/ensureInstalled.mjs
// [start|test]` runs it on its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const minimumNode = [20, 18, 1];

/** The Debian packages, by what needs them. */
export const DEBIAN_PACKAGES = Object.freeze({
  /** The native modules of `npm ci` (better-sqlite3) and of code-server. */
  build: Object.freeze(['ca-certificates', 'build-essential', 'pkg-config', 'python3']),
  /** code-server's native modules, and the ripgrep it gets instead of downloading one. */
  codeServer: Object.freeze(['ripgrep', 'libkrb5-dev', 'libsecret-1-dev', 'libxkbfile-dev']),
  /** The headless browser of the UI tests. */
  browser: Object.freeze(['chromium', 'fonts-liberation']),
});

/** Throws unless this Node is at least {@link minimumNode}. */
export function checkNodeVersion(version = process.versions.node) {
  const current = version.split('.').map(Number);
  const differs = minimumNode.findIndex((part, i) => current[i] !== part);
  if (differs !== -1 && current[differs] < minimumNode[differs]) {
    throw new Error(`Node ${minimumNode.join('.')} or later is needed; this is Node ${version}`);
  }
}

/** Why `dir`'s node_modules does not match its package-lock.json, or undefined when it does. */
export function staleDependencies(dir) {
  if (!existsSync(path.join(dir, 'node_modules'))) {
    return 'node_modules is missing';
  }
  const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    if (!location.startsWith('node_modules/') || entry.link || entry.version === undefined) {
      continue;
    }
    let installed;
    try {
      installed = JSON.parse(readFileSync(path.join(dir, location, 'package.json'), 'utf8')).version;
    } catch {
      // Optional packages (other platforms' binaries) are rightly missing.
      if (entry.optional || entry.devOptional) {
        continue;
      }
      return `${location} is missing`;
    }
    if (installed !== entry.version) {
      return `${location} is ${installed}, package-lock.json wants ${entry.version}`;
    }
  }
  return undefined;
}

/** Exit status of a command run quietly; -1 when it could not start. */
function quietStatus(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error ? -1 : (result.status ?? -1);
}

/** The machine as {@link ensureInstalled} sees and changes it; tests pass a fake. */
export const realSystem = {
  hasDpkg: () => quietStatus('dpkg-query', ['--version']) === 0,
  /** The names of `names` that dpkg knows as installed. */
  installedDebianPackages: (names) => {
    const result = spawnSync('dpkg-query', ['-W', '-f', '${Package} ${db:Status-Status}\\n', ...names], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const lines = (result.stdout ?? '').split('\n').map((line) => line.split(' '));
    return lines.filter(([, status]) => status === 'installed').map(([name]) => name.split(':')[0]);
  },
  isRoot: () => process.getuid?.() === 0,
  hasSudo: () => quietStatus('sudo', ['--version']) === 0,
  sudoWorksWithoutPassword: () => quietStatus('sudo', ['-n', 'true']) === 0,
  /** Runs a command with its output showing; resolves with its exit status. */
  run: (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1,
  staleDependencies: () => staleDependencies(root),
  codeServerInstalled: () => quietStatus('bash', [path.join(root, 'scripts', 'installCodeServer.sh'), '--check']) === 0,
  log: (line) => console.log(line),
};

/** The apt-get lines that install `packages`, each as [command, ...args], run through `prefix` (sudo). */
function aptGetCommands(prefix, packages) {
  const apt = [...prefix, 'env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
  return [
    [...apt, 'update', '-qq'],
    [...apt, 'install', '-y', '-qq', ...packages],
  ];
}

/** The shell line a person runs to install `packages`. */
function manualInstallLine(system, packages) {
  const line = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  return system.hasSudo() ? line.replaceAll('apt-get', 'sudo apt-get') : `su -c '${line}'`;
}

/** Installs the missing ones of `packages`; throws with the command to run when it may not. */
function ensureDebianPackages(system, packages, who) {
  if (!system.hasDpkg()) {
    return;
  }
  const installed = new Set(system.installedDebianPackages(packages));
  const missing = packages.filter((name) => !installed.has(name));
  if (missing.length === 0) {
    return;
  }
  let prefix;
  if (system.isRoot()) {
    prefix = [];
  } else if (system.hasSudo() && system.sudoWorksWithoutPassword()) {
    prefix = ['sudo', '-n'];
  } else {
    throw new Error(
      `${who} needs Debian packages that are not installed: ${missing.join(' ')}.\n` +
        `Install them (this needs root), then run ${who} again:\n  ${manualInstallLine(system, missing)}`,
    );
  }
  system.log(`Installing Debian packages${prefix.length ? ' with sudo' : ''}: ${missing.join(' ')}…`);
  for (const [command, ...args] of aptGetCommands(prefix, missing)) {
    if (system.run(command, args) !== 0) {
      throw new Error(`\`${[command, ...args].join(' ')}\` failed (see above)`);
    }
  }
}

/**
 * Installs what `who` ("npm start", "npm test") needs and is missing:
 * `needs.codeServer` adds code-server and its packages, `needs.browser` Chromium
 * (unless FLUXBASE_CHROMIUM names another browser). Throws with what to do when it cannot.
 */
export function ensureInstalled(needs, who, system = realSystem) {
  checkNodeVersion();
  const packages = [
    ...DEBIAN_PACKAGES.build,
    ...(needs.codeServer ? DEBIAN_PACKAGES.codeServer : []),
    ...(needs.browser && !process.env.FLUXBASE_CHROMIUM ? DEBIAN_PACKAGES.browser : []),
  ];
  ensureDebianPackages(system, packages, who);

  const stale = system.staleDependencies();
  if (stale !== undefined) {
    system.log(`Installing dependencies with npm ci (${stale})…`);
    if (system.run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) {
      throw new Error('npm ci failed (see above)');
    }
  }

  if (needs.codeServer && !system.codeServerInstalled()) {
    system.log('Installing code-server (VS Code in the browser), first run only: a few minutes…');
    if (system.run('bash', [path.join(root, 'scripts', 'installCodeServer.sh')]) !== 0) {
      throw new Error('installing code-server failed (see above); running the same command again starts it afresh');
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const forTests = process.argv[2] === 'test';
  try {
    ensureInstalled({ codeServer: true, browser: forTests }, forTests ? 'npm test' : 'npm start');
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
