import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../support/repoRoot';

const run = promisify(execFile);
const buildTimeoutMs = 120_000;

/** Builds with the project's own esbuild.mjs and `flags` in a folder of its own; returns dist/extension.js. */
async function buildBundle(scratch: string, flags: string[]): Promise<string> {
  const folder = path.join(scratch, flags.join('') || 'development');
  mkdirSync(folder);
  for (const name of ['src', 'node_modules']) symlinkSync(path.join(repoRoot(), name), path.join(folder, name), 'dir');
  copyFileSync(path.join(repoRoot(), 'esbuild.mjs'), path.join(folder, 'esbuild.mjs'));
  await run(process.execPath, ['esbuild.mjs', ...flags], { cwd: folder });
  return path.join(folder, 'dist', 'extension.js');
}

/**
 * Loads `bundle` with the benchmark's strict stand-in `vscode` module (bench/activationProbe.ts,
 * bundled here) and activates it with FLUXBASE_BENCH_MARKS naming `marksFile`.
 */
async function activateWithMarksFile(scratch: string, bundle: string, marksFile: string): Promise<void> {
  const probe = path.join(scratch, 'activationProbe.js');
  if (!existsSync(probe)) {
    // esbuild is a devDependency of the project; the unit layer runs from the repository
    const esbuild = (await import('esbuild')) as typeof import('esbuild');
    await esbuild.build({
      entryPoints: [path.join(repoRoot(), 'bench', 'activationProbe.ts')],
      outfile: probe,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
  }
  await run(process.execPath, [probe, bundle], { env: { ...process.env, FLUXBASE_BENCH_MARKS: marksFile } });
}

describe("the benchmark's timing channel (FLUXBASE_BENCH_MARKS)", function () {
  this.timeout(buildTimeoutMs);
  let scratch = '';
  let production = '';
  let benchBuild = '';

  before(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'fluxbase-bench-marks-'));
    [production, benchBuild] = await Promise.all([
      buildBundle(scratch, ['--production']),
      buildBundle(scratch, ['--production', '--bench-marks']),
    ]);
  });

  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('is not in the production bundle: it cannot read the variable', () => {
    const reads = (bundle: string): boolean => readFileSync(bundle, 'utf8').includes('FLUXBASE_BENCH_MARKS');
    assert.equal(reads(production), false, 'the production bundle reads FLUXBASE_BENCH_MARKS');
    assert.equal(reads(benchBuild), true, 'the --bench-marks bundle reads FLUXBASE_BENCH_MARKS');
  });

  it('writes nothing when the production bundle activates with the variable set', async () => {
    const marksFile = path.join(scratch, 'production-marks.jsonl');
    await activateWithMarksFile(scratch, production, marksFile);
    assert.equal(existsSync(marksFile), false);
  });

  it('writes the activation marks, names and times only, when the benchmark build activates', async () => {
    const marksFile = path.join(scratch, 'bench-marks.jsonl');
    await activateWithMarksFile(scratch, benchBuild, marksFile);
    const marks = readFileSync(marksFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { mark: string; at: number });
    assert.deepEqual(
      marks.map((entry) => entry.mark).filter((name) => name.startsWith('activate')),
      ['activate', 'activated'],
    );
    for (const entry of marks) {
      assert.deepEqual(
        Object.keys(entry).filter((key) => key !== 'count'),
        ['mark', 'at'],
      );
      assert.ok(entry.at > Date.parse('2026-01-01'), 'a time since the epoch, in ms');
    }
  });
});
