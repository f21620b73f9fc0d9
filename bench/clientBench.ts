/**
 * Item 1: our API client against an SDK-style baseline (global fetch) on the
 * local server — 1,000 gets by name, a list of the seeded secrets, 1,000
 * creates — interleaved in one process. A third variant, undici's Pool used
 * directly with the same headers and a bare JSON.parse, is the transport
 * floor: the gap between it and our client is the client's own overhead.
 */
import { Pool } from 'undici';
import { createClient, type FluxbaseClient } from '../src/core/api/fluxbaseClient';
import { DEFAULT_USER_AGENT } from '../src/core/api/version';
import { variantFigure, type TargetCheck, type VariantFigure } from './figures';
import { SdkStyleSecrets } from './sdkStyleClient';
import { interleave, pairedRatio, timeAsync } from './stats';

/** Settings of the client benchmark. */
export interface ClientBenchOptions {
  url: string;
  admin: { email: string; password: string };
  /** The names to get (global secrets that exist). */
  getNames: readonly string[];
  /** How many secrets the list must return. */
  listSize: number;
  creates: number;
  rounds: { gets: number; list: number; creates: number };
}

/** Ours against the baseline for one operation. */
export interface ClientComparison {
  ours: VariantFigure;
  baseline: VariantFigure;
  /** Ours over baseline in operations per second, the median of per-round ratios. */
  ratio: number;
  rawUndici?: VariantFigure;
  /** Ours over raw undici (1.0 means no client overhead). */
  oursOverRawUndici?: number;
}

/** What item 1 reports. */
export interface ClientBenchResult {
  /** Secrets in each list response. */
  listSize: number;
  gets: ClientComparison;
  list: ClientComparison;
  creates: ClientComparison;
  target: TargetCheck;
}

/** The minimal transport: undici's Pool with our headers and JSON.parse, nothing else. */
class RawUndiciGets {
  private readonly pool: Pool;
  constructor(
    url: string,
    private readonly headers: Record<string, string>,
  ) {
    this.pool = new Pool(url, { connections: 8 });
  }

  async request(path: string): Promise<unknown> {
    const response = await this.pool.request({ method: 'GET', path, headers: this.headers });
    const body: unknown = JSON.parse(await response.body.text());
    if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}`);
    return body;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

async function signIn(options: ClientBenchOptions): Promise<{ client: FluxbaseClient; token: string }> {
  const client = createClient({ url: options.url });
  const login = await client.auth.login(options.admin);
  if (login.requires2fa) throw new Error('the benchmark admin unexpectedly needs 2FA');
  return { client, token: login.session.access_token };
}

function comparison(operations: number, ours: number[], baseline: number[]): ClientComparison {
  return {
    ours: variantFigure(operations, ours),
    baseline: variantFigure(operations, baseline),
    ratio: pairedRatio(baseline, ours),
  };
}

/** Runs item 1. */
export async function runClientBench(options: ClientBenchOptions): Promise<ClientBenchResult> {
  const { client, token } = await signIn(options);
  const headers = { accept: 'application/json', 'user-agent': DEFAULT_USER_AGENT, authorization: `Bearer ${token}` };
  const baseline = new SdkStyleSecrets(options.url, headers);
  const raw = new RawUndiciGets(options.url, headers);
  try {
    const names = options.getNames;
    const getAll = {
      ours: async () => {
        for (const name of names) await client.secrets.get(name);
      },
      baseline: async () => {
        for (const name of names) await baseline.get(name);
      },
      rawUndici: async () => {
        for (const name of names) await raw.request(`/api/v1/secrets/by-name/${encodeURIComponent(name)}`);
      },
    };
    // Warm-up: JIT, connections, and the server's read cache for every name.
    for (const run of Object.values(getAll)) await run();
    const gets = await interleave(options.rounds.gets, {
      ours: () => timeAsync(getAll.ours),
      baseline: () => timeAsync(getAll.baseline),
      rawUndici: () => timeAsync(getAll.rawUndici),
    });

    const checkList = (list: readonly unknown[]): void => {
      if (list.length !== options.listSize) throw new Error(`the list has ${list.length} secrets`);
    };
    const listOnce = {
      ours: async () => checkList(await client.secrets.list()),
      baseline: async () => checkList(await baseline.list()),
    };
    for (const run of Object.values(listOnce)) await run();
    const list = await interleave(options.rounds.list, {
      ours: () => timeAsync(listOnce.ours),
      baseline: () => timeAsync(listOnce.baseline),
    });

    const createMany = (create: (name: string, value: string) => Promise<unknown>, label: string, count: number) =>
      timeAsync(async () => {
        for (let i = 0; i < count; i++) await create(`CREATE_${label}_${i}`, `made-up value ${i}`);
      });
    const inNamespace = { scope: 'namespace', namespace: 'bench-creates' } as const;
    const oursCreate = (name: string, value: string) => client.secrets.create({ name, value, ...inNamespace });
    const baselineCreate = (name: string, value: string) => baseline.create({ name, value, ...inNamespace });
    await createMany(oursCreate, 'warm_ours', 20);
    await createMany(baselineCreate, 'warm_baseline', 20);
    const creates = await interleave(options.rounds.creates, {
      ours: (round) => createMany(oursCreate, `ours_${round}`, options.creates),
      baseline: (round) => createMany(baselineCreate, `baseline_${round}`, options.creates),
    });

    const getsComparison: ClientComparison = {
      ...comparison(names.length, gets.ours, gets.baseline),
      rawUndici: variantFigure(names.length, gets.rawUndici),
      oursOverRawUndici: pairedRatio(gets.rawUndici, gets.ours),
    };
    return {
      listSize: options.listSize,
      gets: getsComparison,
      list: comparison(1, list.ours, list.baseline),
      creates: comparison(options.creates, creates.ours, creates.baseline),
      target: {
        description: 'sequential gets by name: ours ≥ 1.5× the SDK-style baseline',
        met: getsComparison.ratio >= 1.5,
      },
    };
  } finally {
    await Promise.all([client.close(), raw.close()]);
  }
}
