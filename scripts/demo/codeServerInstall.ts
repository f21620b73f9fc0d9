/**
 * Installs code-server on first use with scripts/installCodeServer.sh, after
 * checking the Debian packages its native modules need, so that a missing
 * package is named up front instead of failing a build minutes later.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { codeServerDir, codeServerEntry } from '../../test/support/codeServer';
import { runStep } from './runStep';
import type { StopList } from './stopList';

/** The Debian packages the code-server install needs (README lists them too). */
export const CODE_SERVER_DEBIAN_PACKAGES = Object.freeze([
  'ripgrep',
  'libkrb5-dev',
  'libsecret-1-dev',
  'libxkbfile-dev',
  'build-essential',
  'pkg-config',
  'python3',
]);

function isInstalled(): boolean {
  try {
    codeServerEntry();
    return true;
  } catch {
    return false;
  }
}

function debianPackageInstalled(name: string): boolean {
  try {
    return execFileSync('dpkg-query', ['-W', '-f', '${db:Status-Status}', name], { stdio: 'pipe' })
      .toString()
      .includes('installed');
  } catch {
    return false;
  }
}

function hasDpkg(): boolean {
  try {
    execFileSync('dpkg-query', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The packages of {@link CODE_SERVER_DEBIAN_PACKAGES} that are not installed; empty where dpkg is missing (not Debian). */
export function missingDebianPackages(): string[] {
  return hasDpkg() ? CODE_SERVER_DEBIAN_PACKAGES.filter((name) => !debianPackageInstalled(name)) : [];
}

/** Installs code-server into its cache folder unless it is there; throws with the apt-get line when packages are missing. */
export async function ensureCodeServer(repoRoot: string, stops: StopList): Promise<void> {
  if (isInstalled()) {
    return;
  }
  const missing = missingDebianPackages();
  if (missing.length > 0) {
    throw new Error(
      `code-server (VS Code in the browser) is installed on first use, and that needs Debian packages that are missing: ${missing.join(' ')}.\n` +
        `Install them as root, then run npm start again:\n` +
        `  apt-get update && apt-get install -y ${CODE_SERVER_DEBIAN_PACKAGES.join(' ')}`,
    );
  }
  console.log(`Installing code-server into ${codeServerDir()} (first run only, a few minutes)…`);
  await runStep('bash', [path.join(repoRoot, 'scripts', 'installCodeServer.sh')], {
    cwd: repoRoot,
    stops,
    stream: true,
  });
}
