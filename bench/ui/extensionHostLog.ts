/**
 * What the workbench's extension host logged, as marks on the bench's clock: when its
 * process started, when it activated this extension (and for which event), and when its
 * eager (`*`) extensions were activated. code-server writes the log to
 * `<user-data>/logs/<session>/exthost1/remoteexthost.log`, each line stamped with the
 * local time to the millisecond. These say how much of "view opened → first rows" passes
 * before the extension runs at all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mark } from './benchMarksReader';

const LINES: readonly { mark: string; pattern: RegExp }[] = [
  { mark: 'exthost.started', pattern: /\] Extension host with pid \d+ started$/ },
  {
    mark: 'exthost.activating',
    pattern: /\] ExtensionService#_doActivateExtension fluxbase-secrets\.fluxbase-secrets,/,
  },
  { mark: 'exthost.eager', pattern: /\] Eager extensions activated$/ },
];

/** `2026-12-04 21:33:07.028 [info] …` → ms since the epoch (the stamp is local time). */
function stampOf(line: string): number | undefined {
  const stamp = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) /.exec(line);
  return stamp ? new Date(`${stamp[1]}T${stamp[2]}`).getTime() : undefined;
}

/** The extension host logs of a workbench's user-data folder (one per window session). */
function logFiles(userDataDir: string): string[] {
  const logs = join(userDataDir, 'logs');
  if (!existsSync(logs)) return [];
  return readdirSync(logs)
    .sort()
    .map((session) => join(logs, session, 'exthost1', 'remoteexthost.log'))
    .filter((file) => existsSync(file));
}

/** The extension host's marks so far: `exthost.started`, `exthost.activating`, `exthost.eager`. */
export function extensionHostMarks(userDataDir: string): Mark[] {
  const marks: Mark[] = [];
  for (const file of logFiles(userDataDir)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const found = LINES.find(({ pattern }) => pattern.test(line));
      const at = found ? stampOf(line) : undefined;
      if (found && at !== undefined) marks.push({ mark: found.mark, at });
    }
  }
  return marks;
}

/** Resolves once the extension host has logged that its eager extensions are activated. */
export async function extensionHostUp(userDataDir: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!extensionHostMarks(userDataDir).some((entry) => entry.mark === 'exthost.eager')) {
    if (Date.now() > deadline) throw new Error(`the extension host did not start within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
