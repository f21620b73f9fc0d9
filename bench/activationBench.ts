/**
 * Item 4: the production bundle, built by the project's own esbuild.mjs
 * (`--production`) in a scratch folder so that dist/ is left alone, then
 * loaded and activated with the stand-in `vscode` module in fresh Node
 * processes, interleaved with fresh processes that load an empty module.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { TargetCheck } from './figures';
import type { ProbeOutput } from './activationProbe';
import { interleave, median, pairedRatio } from './stats';

/** Settings of the activation benchmark. */
export interface ActivationBenchOptions {
  root: string;
  processes: number;
  maxBundleBytes: number;
  maxActivationMs: number;
}

/** What item 4 reports. */
export interface ActivationBenchResult {
  bundleBytes: number;
  bundleGzipBytes: number;
  processes: number;
  /** In-process medians (ms). */
  requireMs: number;
  activateMs: number;
  activationMs: number;
  activationSamplesMs: number[];
  /** Whole-process wall times (ms): node + probe + bundle + activate, and node + an empty module. */
  processWallMs: number;
  emptyProcessWallMs: number;
  /** Extension process over empty process, the median of per-round ratios. */
  wallRatio: number;
  targets: { bundle: TargetCheck; activation: TargetCheck };
}

/** Runs `node esbuild.mjs --production` in a scratch folder that links to src/ and node_modules/. */
function buildProductionBundle(root: string, scratch: string): string {
  for (const name of ['src', 'node_modules']) symlinkSync(join(root, name), join(scratch, name), 'dir');
  copyFileSync(join(root, 'esbuild.mjs'), join(scratch, 'esbuild.mjs'));
  const build = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: scratch, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node esbuild.mjs --production failed:\n${build.stderr}`);
  return join(scratch, 'dist', 'extension.js');
}

/** Spawns `node args…`; resolves with the wall time to exit and what it printed. */
function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stdout}`));
      else resolve({ ms, stdout });
    });
  });
}

/** The environment without FLUXBASE_* variables, so that activate() finds no connection to load. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('FLUXBASE_')));
}

/** Runs item 4. */
export async function runActivationBench(options: ActivationBenchOptions): Promise<ActivationBenchResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'fluxbase-bench-bundle-'));
  try {
    const bundle = buildProductionBundle(options.root, scratch);
    const bundleBytes = statSync(bundle).size;
    const bundleGzipBytes = gzipSync(readFileSync(bundle)).length;
    const empty = join(scratch, 'empty.js');
    writeFileSync(empty, '');
    const probe = join(__dirname, 'activationProbe.js');
    const env = cleanEnvironment();

    const probes: ProbeOutput[] = [];
    const runProbe = async (): Promise<number> => {
      const { ms, stdout } = await timeProcess([probe, bundle], env);
      probes.push(JSON.parse(stdout) as ProbeOutput);
      return ms;
    };
    await runProbe();
    await timeProcess([empty], env);
    probes.length = 0;
    const walls = await interleave(options.processes, {
      extension: runProbe,
      empty: async () => (await timeProcess([empty], env)).ms,
    });

    const activationSamplesMs = probes.map((p) => p.totalMs);
    const activationMs = median(activationSamplesMs);
    return {
      bundleBytes,
      bundleGzipBytes,
      processes: options.processes,
      requireMs: median(probes.map((p) => p.requireMs)),
      activateMs: median(probes.map((p) => p.activateMs)),
      activationMs,
      activationSamplesMs,
      processWallMs: median(walls.extension),
      emptyProcessWallMs: median(walls.empty),
      wallRatio: pairedRatio(walls.extension, walls.empty),
      targets: {
        bundle: {
          description: `minified bundle ≤ ${options.maxBundleBytes / 1024} KiB`,
          met: bundleBytes <= options.maxBundleBytes,
        },
        activation: {
          description: `require + activate() ≤ ${options.maxActivationMs} ms`,
          met: activationMs <= options.maxActivationMs,
        },
      },
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
