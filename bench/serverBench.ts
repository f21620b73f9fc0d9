/**
 * Item 5: the local server under load — list, get by name and update by name
 * at several concurrencies — beside a bare node:http server that answers the
 * same requests with the same bytes (the ceiling on this machine). The load
 * generator runs in this process; both servers run in their own processes.
 */
import { join } from 'node:path';
import { request } from 'undici';
import type { BareServerConfig, CannedResponse } from './bareServerProcess';
import { forkServer } from './childServer';
import type { TargetCheck } from './figures';
import { runLoad, type LoadFigures, type LoadRequest } from './loadGenerator';
import { interleave, median, pairedRatio } from './stats';

/** Settings of the server benchmark. */
export interface ServerBenchOptions {
  url: string;
  token: string;
  getName: string;
  updateName: string;
  concurrencies: readonly number[];
  rounds: number;
  warmupMs: number;
  durationMs: number;
  /** Reads must reach this share of the ceiling. */
  targetShare: number;
}

/** Medians over rounds of one server's load runs. */
export interface LoadSummary {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/** One route at one concurrency. */
export interface ServerCell {
  route: RouteName;
  concurrency: number;
  server: LoadSummary;
  ceiling: LoadSummary;
  /** Server requests/s over ceiling requests/s, the median of per-round ratios. */
  shareOfCeiling: number;
}

/** What item 5 reports. */
export interface ServerBenchResult {
  listBytes: number;
  cells: ServerCell[];
  target: TargetCheck;
}

/** The routes under load. */
export type RouteName = 'list' | 'get' | 'update';

function requestsOf(options: ServerBenchOptions): Record<RouteName, LoadRequest> {
  const headers = { accept: 'application/json', authorization: `Bearer ${options.token}` };
  return {
    list: { method: 'GET', path: '/api/v1/secrets', headers },
    get: { method: 'GET', path: `/api/v1/secrets/by-name/${encodeURIComponent(options.getName)}`, headers },
    update: {
      method: 'PUT',
      path: `/api/v1/secrets/by-name/${encodeURIComponent(options.updateName)}`,
      headers: { ...headers, 'content-type': 'application/json' },
      body: (sequence) => JSON.stringify({ value: `made-up value ${sequence}` }),
    },
  };
}

/** Sends `load` once and records the answer (status, the headers the server set, body). */
async function capture(url: string, load: LoadRequest): Promise<CannedResponse> {
  const response = await request(url + load.path, {
    method: load.method,
    headers: load.headers,
    body: load.body?.(0),
  });
  const body = await response.body.text();
  if (response.statusCode < 200 || response.statusCode > 299) {
    throw new Error(`${load.method} ${load.path} answered ${response.statusCode}: ${body}`);
  }
  const contentType = String(response.headers['content-type'] ?? 'application/json');
  return {
    status: response.statusCode,
    headers: ['Content-Type', contentType, 'Content-Length', String(Buffer.byteLength(body))],
    body,
  };
}

function summarize(runs: readonly LoadFigures[]): LoadSummary {
  return {
    requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

/** Runs item 5. */
export async function runServerBench(options: ServerBenchOptions): Promise<ServerBenchResult> {
  const requests = requestsOf(options);
  const responses: Record<string, CannedResponse> = {};
  for (const load of Object.values(requests))
    responses[`${load.method} ${load.path}`] = await capture(options.url, load);
  const bare = await forkServer(join(__dirname, 'bareServerProcess.js'), { responses } satisfies BareServerConfig);
  try {
    const cells: ServerCell[] = [];
    for (const route of Object.keys(requests) as RouteName[]) {
      for (const concurrency of options.concurrencies) {
        const runs: Record<'server' | 'ceiling', LoadFigures[]> = { server: [], ceiling: [] };
        const loadOn = (origin: string, into: LoadFigures[]) => async (): Promise<number> => {
          const figures = await runLoad(origin, requests[route], concurrency, options.warmupMs, options.durationMs);
          into.push(figures);
          return figures.requestsPerSecond;
        };
        const rps = await interleave(options.rounds, {
          server: loadOn(options.url, runs.server),
          ceiling: loadOn(bare.url, runs.ceiling),
        });
        cells.push({
          route,
          concurrency,
          server: summarize(runs.server),
          ceiling: summarize(runs.ceiling),
          shareOfCeiling: pairedRatio(rps.server, rps.ceiling),
        });
      }
    }
    const reads = cells.filter((cell) => cell.route !== 'update');
    const listResponse = responses[`GET ${requests.list.path}`];
    return {
      listBytes: listResponse ? Buffer.byteLength(listResponse.body) : 0,
      cells,
      target: {
        description: `reads (list, get) ≥ ${options.targetShare * 100}% of the bare node:http ceiling at every concurrency`,
        met: reads.every((cell) => cell.shareOfCeiling >= options.targetShare && cell.server.errors === 0),
      },
    };
  } finally {
    await bare.stop();
  }
}
