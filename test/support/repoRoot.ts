import * as path from 'node:path';

/**
 * The repository root. Inside a VS Code extension host the test runner sets
 * FLUXBASE_REPO_ROOT; elsewhere it is derived from this compiled file's place
 * (out/test/support/repoRoot.js).
 */
export function repoRoot(): string {
  return process.env.FLUXBASE_REPO_ROOT ?? path.resolve(__dirname, '..', '..', '..');
}
