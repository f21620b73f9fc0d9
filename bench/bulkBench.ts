/**
 * Item 2: the `.env` import path — parseEnvFile, planEnvImport and runImport
 * from src/core/code — writing 1,000 new secrets with the import's bounded
 * concurrency against the same runner one at a time, interleaved. With
 * `previousUrl` (a server with the same data that commits on its main thread,
 * as before the writer thread), both servers run in the same rounds, so the
 * two speed-ups and the new/old ratios come from the same minutes.
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
  /** A server committing on its main thread (`commitOnMainThread`): the A/B baseline. */
  previousUrl?: string;
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
  /** The same rounds against the main-thread server, when it was given. */
  previous?: PreviousServerFigures;
}

/** The baseline server's figures, and how the current server compares with it. */
export interface PreviousServerFigures {
  bounded: VariantFigure;
  oneAtATime: VariantFigure;
  speedup: number;
  /** Median of per-round previous / current times at the bounded concurrency (> 1: the current one is faster). */
  boundedGain: number;
  /** The same one at a time. */
  oneAtATimeGain: number;
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

async function warmUp(client: FluxbaseClient, label: string): Promise<void> {
  await importSecrets(client, `${label}_warm_bounded`, 50, DEFAULT_IMPORT_CONCURRENCY);
  await importSecrets(client, `${label}_warm_single`, 50, 1);
}

/** Bounded against one at a time, interleaved over `rounds`, after a warm-up of 50 each. */
export async function compareImports(
  client: FluxbaseClient,
  label: string,
  secrets: number,
  rounds: number,
): Promise<{ bounded: VariantFigure; oneAtATime: VariantFigure; speedup: number }> {
  await warmUp(client, label);
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

/** Both servers, both concurrencies, interleaved in the same rounds. */
async function compareServers(
  current: FluxbaseClient,
  previous: FluxbaseClient,
  secrets: number,
  rounds: number,
): Promise<{ current: Awaited<ReturnType<typeof compareImports>>; previous: PreviousServerFigures }> {
  await warmUp(current, 'current');
  await warmUp(previous, 'previous');
  const run = (client: FluxbaseClient, label: string, concurrency: number) => (round: number) =>
    importSecrets(client, `${label}_${concurrency}_${round}`, secrets, concurrency);
  const samples = await interleave(rounds, {
    currentBounded: run(current, 'current', DEFAULT_IMPORT_CONCURRENCY),
    currentSingle: run(current, 'current', 1),
    previousBounded: run(previous, 'previous', DEFAULT_IMPORT_CONCURRENCY),
    previousSingle: run(previous, 'previous', 1),
  });
  return {
    current: {
      bounded: variantFigure(secrets, samples.currentBounded),
      oneAtATime: variantFigure(secrets, samples.currentSingle),
      speedup: pairedRatio(samples.currentSingle, samples.currentBounded),
    },
    previous: {
      bounded: variantFigure(secrets, samples.previousBounded),
      oneAtATime: variantFigure(secrets, samples.previousSingle),
      speedup: pairedRatio(samples.previousSingle, samples.previousBounded),
      boundedGain: pairedRatio(samples.previousBounded, samples.currentBounded),
      oneAtATimeGain: pairedRatio(samples.previousSingle, samples.currentSingle),
    },
  };
}

async function signedIn(url: string, admin: BulkBenchOptions['admin']): Promise<FluxbaseClient> {
  const client = createClient({ url });
  await client.auth.login(admin);
  return client;
}

/** Runs item 2. */
export async function runBulkBench(options: BulkBenchOptions): Promise<BulkBenchResult> {
  const client = await signedIn(options.url, options.admin);
  const baseline = options.previousUrl === undefined ? undefined : await signedIn(options.previousUrl, options.admin);
  try {
    const figures = baseline
      ? await compareServers(client, baseline, options.secrets, options.rounds)
      : { current: await compareImports(client, 'loopback', options.secrets, options.rounds), previous: undefined };
    const { bounded, oneAtATime, speedup } = figures.current;
    return {
      concurrency: DEFAULT_IMPORT_CONCURRENCY,
      bounded,
      oneAtATime,
      speedup,
      target: {
        description: `bulk writes with concurrency ${DEFAULT_IMPORT_CONCURRENCY} ≥ ${options.minSpeedup}× one at a time`,
        met: speedup >= options.minSpeedup,
      },
      ...(figures.previous ? { previous: figures.previous } : {}),
    };
  } finally {
    await client.close();
    await baseline?.close();
  }
}
