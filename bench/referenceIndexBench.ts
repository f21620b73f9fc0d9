/**
 * Issue 15 §3: indexing a workspace of 2,000 files must not block the
 * extension host for more than 50 ms at a time. Writes a CLI-shaped
 * workspace of generated TypeScript files (functions, jobs, `_shared/`,
 * other code, a `node_modules/` the excludes drop, one file of the largest
 * size indexed, 256 KB) to a scratch folder, then
 * indexes it as the extension does: the ReferenceIndexQueue reading each
 * file asynchronously and scanning in batches that yield to the event loop.
 * Baseline, same run: the same files read, then scanned in one synchronous
 * pass (what an unbatched indexer would do). The slice monitor reports the
 * longest stretch the event loop was blocked during each.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ReferenceIndex } from '../src/core/functions/referenceIndex';
import { ReferenceIndexQueue } from '../src/core/functions/referenceIndexQueue';
import { measureSlices, type SliceFigures } from './sliceMonitor';
import { median } from './stats';

export interface ReferenceIndexBenchOptions {
  scratch: string;
  files: number;
  rounds: number;
  maxSliceMs: number;
}

export interface ReferenceIndexBenchResult {
  files: number;
  bytes: number;
  /** Files that read at least one secret after indexing (node_modules excluded). */
  indexedFiles: number;
  batched: SliceFigures;
  /** The longest synchronous batch, timed in code (worst round): the monitor's gaps also count the machine's load. */
  longestBatchMs: number;
  unbatched: SliceFigures;
  /** The monitor over an idle second: the gaps the machine alone causes (the noise floor). */
  idle: SliceFigures;
  target: { maxSliceMs: number; met: boolean };
}

const EXCLUDES = ['**/node_modules', '**/dist'];

/** One generated file: some imports, a handler, a few secret reads and plenty of other strings. */
function fileText(i: number): string {
  const lines = [`import { helper${i % 13} } from "./_shared/helpers.ts";`, ''];
  for (let k = 0; k < 4; k++) {
    lines.push(`const secret${k} = Deno.env.get("FLUXBASE_SECRET_KEY_${(i * 7 + k) % 300}");`);
  }
  for (let k = 0; k < 60; k++) {
    lines.push(`export function step${k}(input: string): string { return \`\${input}-${i}-${k}\` + 'suffix ${k}'; }`);
  }
  lines.push(`const url = "FLUXBASE_SECRET_DATABASE_URL";`, '');
  return lines.join('\n');
}

/** Writes the workspace; returns its folder-relative paths and total size. */
function writeWorkspace(root: string, files: number): { paths: string[]; bytes: number } {
  const paths: string[] = [];
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const bucket = i % 10;
    const path =
      bucket < 5
        ? `fluxbase/functions/fn-${i}.ts`
        : bucket < 7
          ? `fluxbase/functions/dir-${i}/index.ts`
          : bucket === 7
            ? `fluxbase/jobs/job-${i}.ts`
            : bucket === 8
              ? `fluxbase/functions/_shared/mod-${i}.ts`
              : `node_modules/pkg-${i}/index.js`;
    // The first file is as large as the extension indexes (256 KB): the longest single-file slice.
    const text = i === 0 ? fileText(0).repeat(Math.floor((256 * 1024) / fileText(0).length)) : fileText(i);
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    paths.push(path);
    bytes += text.length;
  }
  return { paths, bytes };
}

async function batchedRound(
  root: string,
  paths: readonly string[],
): Promise<{ figures: SliceFigures; files: number; longestBatchMs: number }> {
  const index = new ReferenceIndex(EXCLUDES);
  // Times each batch's synchronous scan directly, from its first update to the yield after it.
  let batchStarted: number | undefined;
  let longestBatchMs = 0;
  const update = index.update.bind(index);
  index.update = (path, text) => {
    batchStarted ??= performance.now();
    update(path, text);
  };
  const queue = new ReferenceIndexQueue(index, {
    read: (path) => readFile(join(root, path), 'utf8'),
    yieldToEventLoop: () => {
      if (batchStarted !== undefined) {
        longestBatchMs = Math.max(longestBatchMs, performance.now() - batchStarted);
        batchStarted = undefined;
      }
      return new Promise((resolve) => setImmediate(resolve));
    },
  });
  const figures = await measureSlices(async () => {
    // As the host does: excluded paths are dropped before they are read.
    queue.update(paths.filter((path) => !index.isExcluded(path)));
    await queue.idle();
  });
  return { figures, files: index.fileCount, longestBatchMs };
}

async function unbatchedRound(root: string, paths: readonly string[]): Promise<SliceFigures> {
  const index = new ReferenceIndex(EXCLUDES);
  return measureSlices(async () => {
    const texts = await Promise.all(paths.map((path) => readFile(join(root, path), 'utf8')));
    paths.forEach((path, i) => index.update(path, texts[i] ?? ''));
  });
}

function medianFigures(rounds: readonly SliceFigures[]): SliceFigures {
  return {
    ms: median(rounds.map((r) => r.ms)),
    longestSliceMs: median(rounds.map((r) => r.longestSliceMs)),
    slicesOver50Ms: median(rounds.map((r) => r.slicesOver50Ms)),
    longestSliceCpuMs: median(rounds.map((r) => r.longestSliceCpuMs)),
  };
}

/** Runs the rounds (batched and unbatched alternately) and reports the medians. */
export async function runReferenceIndexBench(options: ReferenceIndexBenchOptions): Promise<ReferenceIndexBenchResult> {
  const root = join(options.scratch, 'reference-workspace');
  const { paths, bytes } = writeWorkspace(root, options.files);
  const batched: SliceFigures[] = [];
  const unbatched: SliceFigures[] = [];
  let indexedFiles = 0;
  let longestBatchMs = 0;
  const idle = await measureSlices(() => new Promise((resolve) => setTimeout(resolve, 1000)));
  for (let round = 0; round < options.rounds; round++) {
    const result = await batchedRound(root, paths);
    batched.push(result.figures);
    indexedFiles = result.files;
    longestBatchMs = Math.max(longestBatchMs, result.longestBatchMs);
    unbatched.push(await unbatchedRound(root, paths));
  }
  const batchedMedian = medianFigures(batched);
  const worstSlice = Math.max(...batched.map((r) => r.longestSliceMs));
  return {
    files: options.files,
    bytes,
    indexedFiles,
    batched: { ...batchedMedian, longestSliceMs: worstSlice },
    longestBatchMs,
    unbatched: medianFigures(unbatched),
    idle,
    target: { maxSliceMs: options.maxSliceMs, met: longestBatchMs <= options.maxSliceMs },
  };
}
