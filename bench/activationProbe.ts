/**
 * Child process entry of item 4: installs the stand-in `vscode` module,
 * then times `require()` of the extension bundle given as argv[2] and its
 * `activate()`, and prints the figures as one JSON line.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createFakeExtensionContext, installFakeVscode, missingMembers } from './fakeVscode';

/** What the probe prints. */
export interface ProbeOutput {
  requireMs: number;
  activateMs: number;
  /** require + activate. */
  totalMs: number;
  /** From the process's time origin to the end of activate(). */
  sinceProcessStartMs: number;
  missing: string[];
  error?: string;
}

function main(): void {
  const bundle = process.argv[2] ?? '';
  installFakeVscode();
  const context = createFakeExtensionContext(dirname(dirname(bundle)));
  const output: ProbeOutput = { requireMs: 0, activateMs: 0, totalMs: 0, sinceProcessStartMs: 0, missing: [] };
  try {
    const started = performance.now();
    const extension = createRequire(__filename)(bundle) as { activate(context: unknown): unknown };
    const loaded = performance.now();
    extension.activate(context);
    const activated = performance.now();
    output.requireMs = loaded - started;
    output.activateMs = activated - loaded;
    output.totalMs = activated - started;
    output.sinceProcessStartMs = activated;
  } catch (error) {
    output.error = error instanceof Error ? error.message : String(error);
  }
  output.missing = [...new Set(missingMembers)];
  process.stdout.write(JSON.stringify(output) + '\n', () => {
    for (const disposable of context.subscriptions) disposable.dispose();
    process.exit(output.error === undefined && output.missing.length === 0 ? 0 : 1);
  });
}

main();
