/**
 * Item 2: the `.env` import path — parseEnvFile, planEnvImport and runImport
 * from src/core/code — writing 1,000 new secrets with the import's bounded
 * concurrency against the same runner one at a time, interleaved.
 */
import { createClient, type FluxbaseClient } from '../src/core/api/fluxbaseClient';
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
  minSpeedup: number;
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

/** Imports `count` new secrets named after `label` through the `.env` path; resolves to the runImport time in ms. */
export async function importSecrets(
  client: FluxbaseClient,
  label: string,
  count: number,
  concurrency: number,
): Promise<number> {
  const target: ImportTarget = { scope: 'namespace', namespace: 'bench-bulk' };
  const text = Array.from({ length: count }, (_, i) => `BULK_${label}_${i}=made-up-value-${i}`).join('\n');
  const plan = planEnvImport(parseEnvFile(text), [], target);
  let created = 0;
  const ms = await timeAsync(async () => {
    const report = await runImport(plan, () => true, client.secrets, target, { concurrency });
    created = report.created.length;
  });
  if (created !== count) throw new Error(`the import created ${created} of ${count} secrets`);
  return ms;
}

/** Bounded against one at a time, interleaved over `rounds`, after a warm-up of 50 each. */
export async function compareImports(
  client: FluxbaseClient,
  label: string,
  secrets: number,
  rounds: number,
): Promise<{ bounded: VariantFigure; oneAtATime: VariantFigure; speedup: number }> {
  await importSecrets(client, `${label}_warm_bounded`, 50, DEFAULT_IMPORT_CONCURRENCY);
  await importSecrets(client, `${label}_warm_single`, 50, 1);
  const samples = await interleave(rounds, {
    bounded: (round) => importSecrets(client, `${label}_bounded_${round}`, secrets, DEFAULT_IMPORT_CONCURRENCY),
    oneAtATime: (round) => importSecrets(client, `${label}_single_${round}`, secrets, 1),
  });
  return {
    bounded: variantFigure(secrets, samples.bounded),
    oneAtATime: variantFigure(secrets, samples.oneAtATime),
    speedup: pairedRatio(samples.oneAtATime, samples.bounded),
  };
}

/** Runs item 2. */
export async function runBulkBench(options: BulkBenchOptions): Promise<BulkBenchResult> {
  const client = createClient({ url: options.url });
  try {
    await client.auth.login(options.admin);
    const { bounded, oneAtATime, speedup } = await compareImports(client, 'loopback', options.secrets, options.rounds);
    return {
      concurrency: DEFAULT_IMPORT_CONCURRENCY,
      bounded,
      oneAtATime,
      speedup,
      target: {
        description: `bulk writes with concurrency ${DEFAULT_IMPORT_CONCURRENCY} ≥ ${options.minSpeedup}× one at a time`,
        met: speedup >= options.minSpeedup,
      },
    };
  } finally {
    await client.close();
  }
}
