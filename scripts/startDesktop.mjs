// `npm run start:desktop`: what `npm start` does, with desktop VS Code
// (`code --extensionDevelopmentPath=<repo>`) instead of code-server. Needs
// `code` on PATH; without it, says so and exits non-zero before doing anything.
import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';
import { start } from './start.mjs';

/** The first `code` on PATH (code.cmd on Windows), or undefined. */
function findCode() {
  const names = process.platform === 'win32' ? ['code.cmd', 'code.exe'] : ['code'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

const codePath = findCode();
if (!codePath) {
  console.error(
    [
      'error: npm run start:desktop needs desktop VS Code, and `code` is not on PATH.',
      'Install VS Code (https://code.visualstudio.com) and put `code` on PATH (on macOS: the command',
      '"Shell Command: Install \'code\' command in PATH"), or run `npm start` for VS Code in the browser.',
    ].join('\n'),
  );
  process.exit(1);
}
await start({ kind: 'desktop', codePath });
