/**
 * What the extension host holds and does for large connections, with the
 * real client, store, tree provider (over the stand-in `vscode` module) and
 * code-feature index: a first load and a refresh of every connection (the
 * longest synchronous slice of each, and the retained heap after it), and
 * the diagnostics of a long document. Loaded by hostProbe.ts once the
 * stand-in is installed; needs `--expose-gc`.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { request } from 'undici';
import { createClient, type FluxbaseClient } from '../src/core/api/fluxbaseClient';
import { arrayOf, isSecretSummary } from '../src/core/api/responseGuards';
import { CatalogIndex } from '../src/core/code/catalogIndex';
import { documentProblemSteps, type DocumentProblem } from '../src/core/code/documentProblems';
import { runInSlices } from '../src/core/slicedWork';
import type { Connection } from '../src/core/connections/connection';
import { ConnectionSessions } from '../src/core/connections/connectionSessions';
import type { StoredCredentials } from '../src/core/connections/credentialStore';
import { ExplorerFilter } from '../src/core/explorer/explorerFilter';
import { SecretsStore } from '../src/core/explorer/secretsStore';
import { catalogOverStore } from '../src/core/explorer/storeCatalog';
import { silentLogger } from '../src/shared/logger';
import { secretVariableName } from '../src/core/secretVariable';
import { ExplorerTreeProvider } from '../src/host/explorerTreeProvider';
import { measureSlices, measureSyncSlice, type SliceFigures } from './sliceMonitor';

/** What the probe is asked to do. */
export interface HostScenarioInput {
  /** One connection per URL (the same server behind several proxies, or several servers). */
  urls: string[];
  token: string;
  /** Refreshes after the first load, each measured. */
  refreshes: number;
  /**
   * Create a secret on the first connection's server before the last refresh (of two or more), so
   * that one refresh finds a change and rebuilds the tree; the others find the same list.
   */
  changeBeforeLastRefresh?: boolean;
  /** The document checked for diagnostics; none when absent. */
  diagnostics?: { lines: number; references: number };
}

/** What the probe reports. */
export interface HostScenarioOutput {
  secrets: number;
  responseBytes: number;
  /** The bare list request with undici, the floor of one connection's load. */
  listRequestMs: number;
  /** JSON.parse + the list guard of the same text, the part of a load no layer above the client can split. */
  parseAndGuardMs: number;
  firstLoad: SliceFigures;
  refreshes: SliceFigures[];
  /** The index in `refreshes` of the refresh that found a change, if one did. */
  changedRefresh?: number;
  /** Heap in use after the refreshes and two full GCs, less the same before the first load. */
  retainedBytes: number;
  /** retainedBytes over the response size (all connections' responses). */
  retainedPerResponseByte: number;
  /** The index is built in one slice; the check runs in slices (checkMs its wall time). */
  diagnostics?: {
    lines: number;
    references: number;
    problems: number;
    indexMs: number;
    checkMs: number;
    checkLongestSliceMs: number;
    checkLongestSliceCpuMs: number;
  };
  /** Heap retained once the code features' index is built too (after the diagnostics). */
  retainedWithIndexBytes?: number;
}

const isSecretSummaryList = arrayOf(isSecretSummary);

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the host probe needs --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function rawList(url: string, token: string): Promise<{ text: string; ms: number }> {
  const started = performance.now();
  const response = await request(`${url}/api/v1/secrets`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.body.text();
  const ms = performance.now() - started;
  if (response.statusCode !== 200) throw new Error(`the list request answered ${response.statusCode}`);
  return { text, ms };
}

/** A document of `lines` lines with `references` secret references, known and unknown, spread evenly. */
function documentText(lines: number, references: number, names: readonly string[]): string {
  const every = Math.max(1, Math.floor(lines / references));
  const out: string[] = [];
  let made = 0;
  for (let line = 0; line < lines; line++) {
    if (line % every === 0 && made < references) {
      const name = made % 5 === 4 ? `NOT_A_SECRET_${made}` : (names[(made * 7919) % names.length] ?? 'X');
      out.push(`  const value${made} = Deno.env.get(${JSON.stringify(secretVariableName(name))});`);
      made++;
    } else {
      out.push(`  // line ${line}: ordinary code that mentions no secret, return compute(${line});`);
    }
  }
  return out.join('\n');
}

/** Runs the scenario. */
export async function runHostScenario(input: HostScenarioInput): Promise<HostScenarioOutput> {
  const raw = await rawList(input.urls[0] ?? '', input.token);
  const parsed = measureSyncSlice(() => {
    const body: unknown = JSON.parse(raw.text);
    if (!isSecretSummaryList(body)) throw new Error('the list failed the guard');
    return body.length;
  });
  const responseBytes = Buffer.byteLength(raw.text) * input.urls.length;

  const connections: Connection[] = input.urls.map((url, i) => ({
    id: `bench-${i}`,
    name: `Bench ${i}`,
    url,
    source: 'environment',
  }));
  const credentials: StoredCredentials = { type: 'session', accessToken: input.token };
  const clients: FluxbaseClient[] = [];
  const sessions = new ConnectionSessions<FluxbaseClient>({
    createClient: (connection) => {
      const client = createClient({ url: connection.url });
      clients.push(client);
      return client;
    },
    credentials: { get: async () => undefined, set: async () => undefined, delete: async () => undefined },
    environmentCredentials: new Map(connections.map((connection) => [connection.id, credentials])),
    logger: silentLogger,
  });
  const registry = {
    list: () => connections,
    onDidChange: () => ({ dispose: () => undefined }),
    add: () => Promise.reject(new Error('not in the benchmark')),
    remove: () => Promise.reject(new Error('not in the benchmark')),
  };
  const clock = { now: () => Date.now() };
  const before = heapAfterGc();
  const store = new SecretsStore<FluxbaseClient>({ registry, sessions, clock, logger: silentLogger });
  const provider = new ExplorerTreeProvider(store, new ExplorerFilter(), clock);
  const index = new CatalogIndex(catalogOverStore(store));
  // what VS Code asks for once the tree changed: the roots and their children, as tree items, once
  // the tree's rebuild (in slices that yield) is whole
  const drawFirstRows = async (): Promise<void> => {
    while (provider.building) await nextTurn();
    for (const root of await provider.getChildren()) {
      provider.getTreeItem(root);
      for (const child of await provider.getChildren(root)) provider.getTreeItem(child);
    }
  };
  const firstLoad = await measureSlices(async () => {
    await store.refresh();
    await drawFirstRows();
  });
  const secrets = store.connections().reduce((sum, state) => sum + state.secrets.length, 0);
  if (store.connections().some((state) => state.status !== 'ready')) {
    throw new Error(
      `a connection did not load: ${store
        .connections()
        .map((state) => state.error)
        .join('; ')}`,
    );
  }
  const refreshes: SliceFigures[] = [];
  const changedRefresh = input.changeBeforeLastRefresh && input.refreshes >= 2 ? input.refreshes - 1 : undefined;
  const firstConnectionSecrets = store.connections()[0]?.secrets.length ?? 0;
  for (let i = 0; i < input.refreshes; i++) {
    if (i === changedRefresh) {
      const client = store.clientFor(connections[0]?.id ?? '');
      if (!client) throw new Error('the first connection has no client');
      // sorted first in Global, as the editor bench's refresh item does
      await client.secrets.create({ name: `AAA_BENCH_CHANGE_${Date.now()}`, value: 'changed' });
    }
    refreshes.push(
      await measureSlices(async () => {
        await store.refresh();
        await drawFirstRows();
      }),
    );
  }
  if (
    changedRefresh !== undefined &&
    !provider.rootNodes[0]?.description?.startsWith(String(firstConnectionSecrets + 1))
  ) {
    throw new Error(`the refresh after a change did not show it: ${provider.rootNodes[0]?.description ?? 'no root'}`);
  }
  const retainedBytes = heapAfterGc() - before;

  let diagnostics: HostScenarioOutput['diagnostics'];
  if (input.diagnostics) {
    const { lines, references } = input.diagnostics;
    const names = store.connections()[0]?.secrets.map((secret) => secret.name) ?? [];
    const text = documentText(lines, references, names);
    const indexed = measureSyncSlice(() => index.byVariable());
    // as ReferenceDiagnostics runs it: in slices that yield (core/slicedWork.ts)
    let problems: DocumentProblem[] = [];
    const checked = await measureSlices(async () => {
      problems = await runInSlices(
        documentProblemSteps(text, indexed.result, index.signedInConnections(), new Date(clock.now())),
      );
    });
    diagnostics = {
      lines,
      references,
      problems: problems.length,
      indexMs: indexed.ms,
      checkMs: checked.ms,
      checkLongestSliceMs: checked.longestSliceMs,
      checkLongestSliceCpuMs: checked.longestSliceCpuMs,
    };
  }
  const retainedWithIndexBytes = diagnostics ? heapAfterGc() - before : undefined;

  provider.dispose();
  index.dispose();
  store.dispose();
  sessions.dispose();
  await Promise.all(clients.map((client) => client.close()));
  return {
    secrets,
    responseBytes,
    listRequestMs: raw.ms,
    parseAndGuardMs: parsed.ms,
    firstLoad,
    refreshes,
    ...(changedRefresh === undefined ? {} : { changedRefresh }),
    retainedBytes,
    retainedPerResponseByte: retainedBytes / responseBytes,
    ...(diagnostics ? { diagnostics, retainedWithIndexBytes } : {}),
  };
}
