import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from '../support/repoRoot';

/*
 * Entry point of the integration layer: runs out/test/integration/index.js
 * inside a real VS Code with this repository as the extension under
 * development. By default the "VS Code executable" is codeServerShim.js,
 * which runs the suite in code-server 4.100.3; FLUXBASE_TEST_VSCODE=desktop
 * lets @vscode/test-electron download and run desktop VS Code instead.
 * FLUXBASE_TEST_RESULTS (the counts file) reaches the extension host through
 * the environment; FLUXBASE_REPO_ROOT tells tests where the repository is.
 */
async function main(): Promise<number> {
  const root = repoRoot();
  const useDesktop = process.env.FLUXBASE_TEST_VSCODE === 'desktop';
  const shim = path.join(__dirname, 'codeServerShim.js');
  if (!useDesktop) {
    // runTests() spawns the executable directly; compiled output carries no exec bit.
    chmodSync(shim, 0o755);
  }
  const workspace = mkdtempSync(path.join(tmpdir(), 'fluxbase-integration-workspace-'));
  try {
    return await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'index'),
      vscodeExecutablePath: useDesktop ? undefined : shim,
      version: useDesktop ? '1.100.3' : undefined,
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { FLUXBASE_REPO_ROOT: root, FLUXBASE_TEST_GREP: process.env.FLUXBASE_TEST_GREP ?? '' },
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Integration tests failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
