/**
 * Where VS Code writes an extension's LogOutputChannel: `<logs>/<session>/
 * exthost*\/<extension id>/<channel name>.log`. The integration tests read
 * it to check what the extension logged. The logs folder lies in the user
 * data folder: code-server's is next to its session socket; desktop VS Code
 * under @vscode/test-electron uses `<repo>/.vscode-test/user-data`.
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

function logRoots(env: NodeJS.ProcessEnv): string[] {
  const roots: string[] = [];
  if (env.CODE_SERVER_SESSION_SOCKET) roots.push(path.join(path.dirname(env.CODE_SERVER_SESSION_SOCKET), 'logs'));
  if (env.FLUXBASE_REPO_ROOT) roots.push(path.join(env.FLUXBASE_REPO_ROOT, '.vscode-test', 'user-data', 'logs'));
  return roots;
}

function findFiles(dir: string, fileName: string, depth: number): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return depth > 0 ? findFiles(full, fileName, depth - 1) : [];
    return entry.name === fileName ? [full] : [];
  });
}

/** The newest log file of the channel `channelName` of the extension `extensionId`, or undefined. */
export function findExtensionLogFile(
  extensionId: string,
  channelName: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const candidates = logRoots(env)
    .flatMap((root) => findFiles(root, `${channelName}.log`, 5))
    .filter((file) => path.basename(path.dirname(file)).toLowerCase() === extensionId.toLowerCase());
  return candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}
