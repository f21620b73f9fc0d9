/**
 * Item 7: the client over a latency-injecting proxy (latencyProxy.ts, in its
 * own process) in front of the local server: the `.env` import at
 * concurrency 8 against one at a time, a refresh of three connections
 * against one, and sequential gets against the SDK-style baseline — each
 * pair interleaved in the same run.
 */
import { createClient } from '../src/core/api/fluxbaseClient';
import { DEFAULT_IMPORT_CONCURRENCY } from '../src/core/code/importRunner';
import { DEFAULT_USER_AGENT } from '../src/core/api/version';
import { compareImports } from './bulkBench';
import type { ForkedServer } from './childServer';
import { variantFigure, type TargetCheck, type VariantFigure } from './figures';
import { runHostProbe } from './hostBench';
import type { HostScenarioOutput } from './hostScenario';
import { SdkStyleSecrets } from './sdkStyleClient';
import { interleave, median, pairedRatio, timeAsync } from './stats';

/** Settings of the network benchmark. */
export interface NetworkBenchOptions {
  /** Starts a proxy with this one-way delay in front of the server. */
  startProxy: (delayMs: number) => Promise<ForkedServer>;
  admin: { email: string; password: string };
  token: string;
  delayMs: number;
  /** Import sizes, each with its number of rounds. */
  imports: { secrets: number; rounds: number }[];
  refreshRounds: number;
  getNames: readonly string[];
  getRounds: number;
}

/** One import size over the proxy. */
export interface NetworkImport {
  secrets: number;
  bounded: VariantFigure;
  oneAtATime: VariantFigure;
  speedup: number;
  target: TargetCheck;
}

/** What item 7 reports. */
export interface NetworkBenchResult {
  delayMs: number;
  /** A bare request through the proxy: the round trip it adds. */
  roundTripMs: number;
  imports: NetworkImport[];
  refresh: {
    secretsPerConnection: number;
    /** Median wall time of a refresh of one connection, and of three. */
    oneMs: number;
    threeMs: number;
    /** The list request of one connection by itself (undici, no client): the floor of a refresh. */
    listRequestMs: number;
    threeOverOne: number;
    target: TargetCheck;
  };
  gets: { ours: VariantFigure; baseline: VariantFigure; ratio: number };
}

async function roundTrip(url: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(await timeAsync(async () => (await fetch(`${url}/api/v1/secrets/stats`)).arrayBuffer()));
  }
  return median(samples);
}

async function compareRefreshes(url: string, token: string, rounds: number) {
  const probe = (urls: string[]): Promise<HostScenarioOutput> => runHostProbe({ urls, token, refreshes: 3 });
  const outputs: Record<'one' | 'three', HostScenarioOutput[]> = { one: [], three: [] };
  const samples = await interleave(rounds, {
    one: async () => {
      const output = await probe([url]);
      outputs.one.push(output);
      return median(output.refreshes.map((refresh) => refresh.ms));
    },
    three: async () => {
      const output = await probe([url, url, url]);
      outputs.three.push(output);
      return median(output.refreshes.map((refresh) => refresh.ms));
    },
  });
  return {
    secretsPerConnection: outputs.one[0]?.secrets ?? 0,
    oneMs: median(samples.one),
    threeMs: median(samples.three),
    listRequestMs: median(outputs.one.map((output) => output.listRequestMs)),
    threeOverOne: pairedRatio(samples.three, samples.one),
  };
}

/** Runs item 7. */
export async function runNetworkBench(options: NetworkBenchOptions): Promise<NetworkBenchResult> {
  const proxy = await options.startProxy(options.delayMs);
  const client = createClient({ url: proxy.url });
  try {
    const roundTripMs = await roundTrip(proxy.url);
    await client.auth.login(options.admin);
    const refresh = await compareRefreshes(proxy.url, options.token, options.refreshRounds);
    const imports: NetworkImport[] = [];
    for (const { secrets, rounds } of options.imports) {
      const compared = await compareImports(client, `net${secrets}`, secrets, rounds);
      imports.push({
        secrets,
        ...compared,
        target: {
          description: `${secrets} imports over the proxy: concurrency ${DEFAULT_IMPORT_CONCURRENCY} ≥ 6.5× one at a time`,
          met: compared.speedup >= 6.5,
        },
      });
    }

    // one round trip of the slowest connection, not the sum: allow half a round trip of slack over one connection
    const slack = 1 + roundTripMs / 2 / refresh.oneMs;

    const headers = {
      accept: 'application/json',
      'user-agent': DEFAULT_USER_AGENT,
      authorization: `Bearer ${options.token}`,
    };
    const baseline = new SdkStyleSecrets(proxy.url, headers);
    const getAll = {
      ours: () =>
        timeAsync(async () => {
          for (const name of options.getNames) await client.secrets.get(name);
        }),
      baseline: () =>
        timeAsync(async () => {
          for (const name of options.getNames) await baseline.get(name);
        }),
    };
    await getAll.ours();
    await getAll.baseline();
    const gets = await interleave(options.getRounds, getAll);

    return {
      delayMs: options.delayMs,
      roundTripMs,
      imports,
      refresh: {
        ...refresh,
        target: {
          description: 'a refresh of 3 connections takes one round trip of the slowest, not the sum',
          met: refresh.threeOverOne <= slack,
        },
      },
      gets: {
        ours: variantFigure(options.getNames.length, gets.ours),
        baseline: variantFigure(options.getNames.length, gets.baseline),
        ratio: pairedRatio(gets.baseline, gets.ours),
      },
    };
  } finally {
    await client.close();
    await proxy.stop();
  }
}
