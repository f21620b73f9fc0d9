/**
 * `npm run bench`: runs the five benchmarks of issue 8 against the local
 * server on loopback, prints a table and writes bench-results.json at the
 * repository root. `--only=tree,activation` picks items; `--quick` makes
 * every item smaller (a smoke test of the harness, not figures to quote).
 * A watchdog ends the run, and every child it started, if it overruns.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '../src/core/api/fluxbaseClient';
import { runActivationBench } from './activationBench';
import { runBulkBench } from './bulkBench';
import { forkServer, killAllChildren, type ForkedServer } from './childServer';
import { runHostBench } from './hostBench';
import type { LatencyProxyConfig } from './latencyProxyProcess';
import { runNetworkBench } from './networkBench';
import { runClientBench } from './clientBench';
import { describeMachine } from './machine';
import { resultsTable, type BenchResults } from './report';
import { runServerBench } from './serverBench';
import type { ServerProcessConfig } from './serverProcess';
import { globalCount, globalName, type DataSetShape } from './syntheticSecrets';
import { runTreeBench } from './treeBench';
import { runReferenceIndexBench } from './referenceIndexBench';

const ITEMS = ['client', 'bulk', 'tree', 'activation', 'server', 'host', 'network', 'references'] as const;
type Item = (typeof ITEMS)[number];

const WATCHDOG_MS = 25 * 60_000;
/** One-way delay of the latency proxy: `--delay=<ms>`, default 25. */
let NETWORK_DELAY_MS = 25;
const ADMIN = { email: 'bench@example.com', password: randomBytes(12).toString('hex') };

interface Settings {
  clientData: DataSetShape;
  gets: number;
  creates: number;
  clientRounds: { gets: number; list: number; creates: number };
  bulkSecrets: number;
  bulkRounds: number;
  treeShapes: DataSetShape[];
  treeCapMs: number;
  activationProcesses: number;
  serverData: DataSetShape;
  serverRounds: number;
  serverDurationMs: number;
  hostData: DataSetShape;
  hostRounds: number;
  hostRefreshes: number;
  hostDocument: { lines: number; references: number };
  networkData: DataSetShape;
  networkImports: { secrets: number; rounds: number }[];
  networkRefreshRounds: number;
  networkGets: number;
  networkGetRounds: number;
}

const FULL: Settings = {
  clientData: { total: 10_000, namespaces: 200 },
  gets: 1000,
  creates: 1000,
  clientRounds: { gets: 5, list: 7, creates: 3 },
  bulkSecrets: 1000,
  bulkRounds: 3,
  treeShapes: [
    { total: 1000, namespaces: 10 },
    { total: 10_000, namespaces: 200 },
    { total: 50_000, namespaces: 1000 },
  ],
  treeCapMs: 30_000,
  activationProcesses: 20,
  serverData: { total: 1000, namespaces: 10 },
  serverRounds: 3,
  serverDurationMs: 1000,
  hostData: { total: 50_000, namespaces: 1000 },
  hostRounds: 3,
  hostRefreshes: 3,
  hostDocument: { lines: 5000, references: 1000 },
  networkData: { total: 1000, namespaces: 10 },
  networkImports: [
    { secrets: 100, rounds: 3 },
    { secrets: 1000, rounds: 1 },
  ],
  networkRefreshRounds: 3,
  networkGets: 100,
  networkGetRounds: 3,
};

const QUICK: Settings = {
  clientData: { total: 1000, namespaces: 20 },
  gets: 100,
  creates: 50,
  clientRounds: { gets: 3, list: 3, creates: 1 },
  bulkSecrets: 50,
  bulkRounds: 1,
  treeShapes: [
    { total: 200, namespaces: 5 },
    { total: 1000, namespaces: 10 },
  ],
  treeCapMs: 20_000,
  activationProcesses: 4,
  serverData: { total: 200, namespaces: 5 },
  serverRounds: 1,
  serverDurationMs: 300,
  hostData: { total: 2000, namespaces: 20 },
  hostRounds: 1,
  hostRefreshes: 1,
  hostDocument: { lines: 500, references: 100 },
  networkData: { total: 200, namespaces: 5 },
  networkImports: [{ secrets: 20, rounds: 1 }],
  networkRefreshRounds: 1,
  networkGets: 10,
  networkGetRounds: 1,
};

function parseItems(argv: readonly string[]): Item[] {
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (only === undefined) return [...ITEMS];
  const picked = only.split(',').filter(Boolean);
  const unknown = picked.filter((name) => !(ITEMS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown item(s) ${unknown.join(', ')}; items are ${ITEMS.join(', ')}`);
  return picked as Item[];
}

function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function startBenchServer(scratch: string, name: string, seed: DataSetShape): Promise<ForkedServer> {
  const config: ServerProcessConfig = {
    dataDir: join(scratch, name),
    seed,
    encryptionKey: randomBytes(16).toString('hex'),
    jwtSecret: randomBytes(32).toString('hex'),
    admin: ADMIN,
  };
  return forkServer(join(__dirname, 'serverProcess.js'), config);
}

async function accessToken(url: string): Promise<string> {
  const client = createClient({ url });
  try {
    const login = await client.auth.login(ADMIN);
    if (login.requires2fa) throw new Error('the benchmark admin unexpectedly needs 2FA');
    return login.session.access_token;
  } finally {
    await client.close();
  }
}

async function runItems(root: string, items: readonly Item[], s: Settings, scratch: string): Promise<BenchResults> {
  const results: BenchResults = {};
  const has = (item: Item): boolean => items.includes(item);
  if (has('tree')) {
    progress(`tree: ${s.treeShapes.map((shape) => shape.total).join(', ')} secrets`);
    results.tree = await runTreeBench({
      shapes: s.treeShapes,
      minRuns: 3,
      maxRuns: 7,
      budgetMs: 5000,
      capMs: s.treeCapMs,
      targets: [
        { size: 10_000, maxMs: 25 },
        { size: 50_000, maxMs: 150 },
      ],
    });
  }
  if (has('activation')) {
    progress(`activation: production build, then ${s.activationProcesses} + ${s.activationProcesses} processes`);
    results.activation = await runActivationBench({
      root,
      processes: s.activationProcesses,
      maxBundleBytes: 300 * 1024,
      maxActivationMs: 20,
    });
  }
  if (has('client') || has('bulk')) {
    progress(`client/bulk: seeding ${s.clientData.total} secrets and starting the server`);
    const server = await startBenchServer(scratch, 'client', s.clientData);
    try {
      if (has('client')) {
        progress('client: gets, list, creates (ours, SDK-style fetch, raw undici)');
        results.client = await runClientBench({
          url: server.url,
          admin: ADMIN,
          getNames: Array.from({ length: Math.min(s.gets, globalCount(s.clientData.total)) }, (_, i) => globalName(i)),
          listSize: s.clientData.total,
          creates: s.creates,
          rounds: s.clientRounds,
        });
      }
      if (has('bulk')) {
        progress(`bulk: ${s.bulkSecrets} imports, bounded vs one at a time`);
        results.bulk = await runBulkBench({
          url: server.url,
          admin: ADMIN,
          secrets: s.bulkSecrets,
          rounds: s.bulkRounds,
          minSpeedup: 4,
        });
      }
    } finally {
      await server.stop();
    }
  }
  if (has('server')) {
    progress(`server: seeding ${s.serverData.total} secrets; list, get, update at 1, 16, 64`);
    const server = await startBenchServer(scratch, 'server', s.serverData);
    try {
      results.server = await runServerBench({
        url: server.url,
        token: await accessToken(server.url),
        getName: globalName(7),
        updateName: globalName(8),
        concurrencies: [1, 16, 64],
        rounds: s.serverRounds,
        warmupMs: 200,
        durationMs: s.serverDurationMs,
        targetShare: 0.5,
      });
    } finally {
      await server.stop();
    }
  }
  if (has('host')) {
    progress(`host: seeding ${s.hostData.total} secrets; load, refresh, memory, diagnostics in ${s.hostRounds} probes`);
    const server = await startBenchServer(scratch, 'host', s.hostData);
    try {
      results.host = await runHostBench({
        url: server.url,
        token: await accessToken(server.url),
        rounds: s.hostRounds,
        refreshes: s.hostRefreshes,
        diagnostics: s.hostDocument,
        maxSliceMs: 50,
        maxRetainedPerResponseByte: 2,
      });
    } finally {
      await server.stop();
    }
  }
  if (has('network')) {
    progress(`network: ${s.networkData.total} secrets behind a ${NETWORK_DELAY_MS} ms one-way proxy`);
    const server = await startBenchServer(scratch, 'network', s.networkData);
    try {
      const startProxy = (delayMs: number): Promise<ForkedServer> => {
        const config: LatencyProxyConfig = { targetUrl: server.url, delayMs };
        return forkServer(join(__dirname, 'latencyProxyProcess.js'), config);
      };
      results.network = await runNetworkBench({
        startProxy,
        admin: ADMIN,
        token: await accessToken(server.url),
        delayMs: NETWORK_DELAY_MS,
        imports: s.networkImports,
        refreshRounds: s.networkRefreshRounds,
        getNames: Array.from({ length: Math.min(s.networkGets, globalCount(s.networkData.total)) }, (_, i) =>
          globalName(i),
        ),
        getRounds: s.networkGetRounds,
      });
    } finally {
      await server.stop();
    }
  }
  if (has('references')) {
    progress('references: indexing a workspace of 2,000 generated files, batched and in one pass');
    results.references = await runReferenceIndexBench({ scratch, files: 2000, rounds: s.hostRounds, maxSliceMs: 50 });
  }
  return results;
}

/** Runs the selected benchmarks; resolves to the process exit code. */
export async function runBench(argv: readonly string[]): Promise<number> {
  const root = resolve(__dirname, '..', '..');
  const items = parseItems(argv);
  const quick = argv.includes('--quick');
  const delay = argv.find((arg) => arg.startsWith('--delay='))?.slice('--delay='.length);
  if (delay !== undefined) NETWORK_DELAY_MS = Number(delay);
  const settings = quick ? QUICK : FULL;
  const machine = describeMachine();
  progress(`${machine.cores} cores, load average ${machine.loadAverage.join(' ')}; items: ${items.join(', ')}`);

  const scratch = mkdtempSync(join(tmpdir(), 'fluxbase-bench-'));
  const watchdog = setTimeout(() => {
    progress(`the run overran ${WATCHDOG_MS / 60_000} minutes: stopping`);
    killAllChildren();
    rmSync(scratch, { recursive: true, force: true });
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();
  const started = performance.now();
  try {
    const results = await runItems(root, items, settings, scratch);
    const seconds = (performance.now() - started) / 1000;
    const table = resultsTable(results);
    process.stdout.write(`\n${table}\n\nRun took ${seconds.toFixed(0)} s.\n`);
    const file = join(root, 'bench-results.json');
    const document = { date: new Date().toISOString(), quick, seconds, machine, results };
    writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
    progress(`wrote ${file}`);
    return 0;
  } catch (error) {
    killAllChildren();
    throw error;
  } finally {
    clearTimeout(watchdog);
    rmSync(scratch, { recursive: true, force: true });
  }
}
