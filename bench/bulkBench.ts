/**
 * Item 2: the `.env` import path — parseEnvFile, planEnvImport and runImport
 * from src/core/code — writing 1,000 new secrets with the import's bounded
 * concurrency against the same runner one at a time, interleaved.
 */
import { createClient } from '../src/core/api/fluxbaseClient';
import { parseEnvFile } from '../src/core/code/envFile';
import { planEnvImport, type ImportTarget } from '../src/core/code/importPlan';
import { DEFAULT_IMPORT_CONCURRENCY, runImport } from '../src/core/code/importRunner';
import { variantFigure, type TargetCheck, type VariantFigure } from './figures';
import { interleave, pairedRatio, timeAsync } from './stats';

/** Settings of the bulk-write benchmark. */
export interface BulkBenchOptions {
  url: string;
  admin: { email: string; password: string };
  secrets: number;
  rounds: number;
}

/** What item 2 reports. */
export interface BulkBenchResult {
  concurrency: number;
  bounded: VariantFigure;
  oneAtATime: VariantFigure;
  /** One-at-a-time time over bounded time, the median of per-round ratios. */
  speedup: number;
  target: TargetCheck;
}

/** Runs item 2. */
export async function runBulkBench(options: BulkBenchOptions): Promise<BulkBenchResult> {
  const client = createClient({ url: options.url });
  try {
    await client.auth.login(options.admin);
    const target: ImportTarget = { scope: 'namespace', namespace: 'bench-bulk' };
    const importOnce = async (label: string, count: number, concurrency: number): Promise<number> => {
      const text = Array.from({ length: count }, (_, i) => `BULK_${label}_${i}=made-up-value-${i}`).join('\n');
      const plan = planEnvImport(parseEnvFile(text), [], target);
      let created = 0;
      const ms = await timeAsync(async () => {
        const report = await runImport(plan, () => true, client.secrets, target, { concurrency });
        created = report.created.length;
      });
      if (created !== count) throw new Error(`the import created ${created} of ${count} secrets`);
      return ms;
    };
    await importOnce('warm_bounded', 50, DEFAULT_IMPORT_CONCURRENCY);
    await importOnce('warm_single', 50, 1);
    const samples = await interleave(options.rounds, {
      bounded: (round) => importOnce(`bounded_${round}`, options.secrets, DEFAULT_IMPORT_CONCURRENCY),
      oneAtATime: (round) => importOnce(`single_${round}`, options.secrets, 1),
    });
    const speedup = pairedRatio(samples.oneAtATime, samples.bounded);
    return {
      concurrency: DEFAULT_IMPORT_CONCURRENCY,
      bounded: variantFigure(options.secrets, samples.bounded),
      oneAtATime: variantFigure(options.secrets, samples.oneAtATime),
      speedup,
      target: {
        description: `bulk writes with concurrency ${DEFAULT_IMPORT_CONCURRENCY} ≥ 5× one at a time`,
        met: speedup >= 5,
      },
    };
  } finally {
    await client.close();
  }
}
