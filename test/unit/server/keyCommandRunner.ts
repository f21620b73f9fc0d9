/**
 * Runs `npm run server -- keys …` in process, as the CLI does, and captures
 * what it prints and its exit code.
 */
import { runKeysCommand } from '../../../server/cli/keysCli';
import type { Clock } from '../../../server/clock';

/** What one `keys` command printed and returned. */
export interface KeysRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `keys <argv…>` with an optional clock (microseconds). */
export function runKeys(argv: readonly string[], clock?: Clock): KeysRun {
  const run = { code: 0, out: '', err: '' };
  run.code = runKeysCommand(argv, { out: (text) => (run.out += text), err: (text) => (run.err += text) }, clock);
  return run;
}

/** Creates a key through `keys create` and returns it with its id (read from the note on stderr). */
export function createKeyWith(dataDir: string, flags: readonly string[], clock?: Clock): { key: string; id: string } {
  const run = runKeys(['create', '--data', dataDir, ...flags], clock);
  const id = /\(id ([0-9a-f-]{36})\)/.exec(run.err)?.[1];
  if (run.code !== 0 || id === undefined) throw new Error(`keys create failed (${run.code}): ${run.err}`);
  return { key: run.out.trim(), id };
}
