/**
 * Item 3: the cost of going from the list response to the full tree model
 * for growing data sets, each case in its own worker thread with a time cap.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TargetCheck } from './figures';
import type { DataSetShape } from './syntheticSecrets';
import type { TreeWorkerInput, TreeWorkerOutput } from './treeWorker';

/** One data set's figures, or the cap it ran into. */
export interface TreeCase {
  shape: DataSetShape;
  finished: boolean;
  /** Set when the case was stopped: no run finished within this many ms. */
  capMs?: number;
  figures?: TreeWorkerOutput;
  /** Total time over the previous case's total, and the exponent k in time ∝ n^k between them. */
  growth?: { factor: number; exponent: number };
  /** For a stopped case: the last finished case's total, grown with the last measured exponent. */
  estimatedMs?: number;
}

/** What item 3 reports. */
export interface TreeBenchResult {
  cases: TreeCase[];
  /** One per size with a target. */
  targets: (TargetCheck & { size: number; maxMs: number })[];
  /** Growth between the two largest finished cases no worse than n log n. */
  growth?: TargetCheck & { exponent: number; nLogNExponent: number };
}

/** Settings of the tree benchmark. */
export interface TreeBenchOptions {
  shapes: readonly DataSetShape[];
  minRuns: number;
  maxRuns: number;
  budgetMs: number;
  /** A case with no finished run after this long is stopped. */
  capMs: number;
  /** Time targets by size. */
  targets: readonly { size: number; maxMs: number }[];
}

function runCase(input: TreeWorkerInput, capMs: number): Promise<TreeWorkerOutput | undefined> {
  const worker = new Worker(join(__dirname, 'treeWorker.js'), { workerData: input });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(undefined);
    }, capMs);
    timer.unref();
    worker.once('message', (output: TreeWorkerOutput) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(output);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Runs item 3. */
export async function runTreeBench(options: TreeBenchOptions): Promise<TreeBenchResult> {
  const cases: TreeCase[] = [];
  for (const shape of options.shapes) {
    const { minRuns, maxRuns, budgetMs, capMs } = options;
    const figures = await runCase({ shape, minRuns, maxRuns, budgetMs }, capMs);
    const previous = cases.at(-1);
    const treeCase: TreeCase = figures ? { shape, finished: true, figures } : { shape, finished: false, capMs };
    if (figures && previous?.figures) {
      const factor = figures.totalMs / previous.figures.totalMs;
      treeCase.growth = { factor, exponent: Math.log(factor) / Math.log(shape.total / previous.shape.total) };
    }
    if (!figures && previous?.figures && previous.growth) {
      treeCase.estimatedMs =
        previous.figures.totalMs * (shape.total / previous.shape.total) ** previous.growth.exponent;
    }
    cases.push(treeCase);
  }
  const targets = options.targets.map(({ size, maxMs }) => {
    const measured = cases.find((c) => c.shape.total === size)?.figures?.totalMs ?? Number.POSITIVE_INFINITY;
    return {
      size,
      maxMs,
      description: `list response → tree model of ${size} secrets ≤ ${maxMs} ms`,
      met: measured <= maxMs,
    };
  });
  const finished = cases.filter((c) => c.figures);
  const last = finished.at(-1);
  const before = finished.at(-2);
  let growth: TreeBenchResult['growth'];
  if (last?.figures && before?.figures) {
    const ratio = last.shape.total / before.shape.total;
    const exponent = Math.log(last.figures.totalMs / before.figures.totalMs) / Math.log(ratio);
    // n log n between the two sizes, as an exponent of n
    const nLogN = (ratio * Math.log(last.shape.total)) / Math.log(before.shape.total);
    const nLogNExponent = Math.log(nLogN) / Math.log(ratio);
    growth = {
      description: `growth from ${before.shape.total} to ${last.shape.total} secrets no worse than n log n`,
      met: exponent <= nLogNExponent,
      exponent,
      nLogNExponent,
    };
  }
  return { cases, targets, ...(growth ? { growth } : {}) };
}
