/**
 * Worker thread entry of item 3: builds the explorer's tree model from a list
 * response text — JSON.parse and the client's list guard (what the client
 * does to the response), computeStats (what the store adds), then
 * buildExplorerTree (the pure mapping the tree view draws) — and times each
 * stage. Runs in a worker so that the parent can stop a case that takes too
 * long.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { arrayOf, isSecretSummary } from '../src/core/api/responseGuards';
import type { SecretSummary } from '../src/core/api/secretTypes';
import type { ExplorerNode } from '../src/core/explorer/explorerNodes';
import { computeStats } from '../src/core/explorer/secretStats';
import type { ConnectionState } from '../src/core/explorer/secretsStore';
import { buildExplorerTree } from '../src/core/explorer/treeModel';
import { median, timeSync } from './stats';
import { listResponseText, syntheticSecretSpecs, type DataSetShape } from './syntheticSecrets';

/** What the parent asks for. */
export interface TreeWorkerInput {
  shape: DataSetShape;
  minRuns: number;
  maxRuns: number;
  /** Stop starting runs after this much measured time, once `minRuns` are done. */
  budgetMs: number;
}

/** Median milliseconds of each stage, and what was built. */
export interface TreeWorkerOutput {
  runs: number;
  responseBytes: number;
  parseAndValidateMs: number;
  statsMs: number;
  treeMs: number;
  totalMs: number;
  /** Reading every group's children once the tree is built (every group expanded): not part of the total. */
  expandAllMs: number;
  totalSamplesMs: number[];
  secretNodes: number;
}

const isSecretSummaryList = arrayOf(isSecretSummary);

function countSecretNodes(nodes: readonly ExplorerNode[]): number {
  let count = 0;
  for (const node of nodes) {
    if (node.kind === 'secret') count++;
    else if (node.kind !== 'message') count += countSecretNodes(node.children);
  }
  return count;
}

function buildOnce(text: string, nowMs: number): { stages: [number, number, number, number]; secretNodes: number } {
  let secrets: SecretSummary[] = [];
  const parseMs = timeSync(() => {
    const body: unknown = JSON.parse(text);
    if (!isSecretSummaryList(body)) throw new Error('the list response did not pass the guard');
    secrets = body;
  });
  let state: ConnectionState | undefined;
  const statsMs = timeSync(() => {
    const stats = computeStats(secrets, nowMs);
    state = { id: 'bench', name: 'Bench', url: 'http://127.0.0.1', status: 'ready', secrets, stats };
  });
  let tree: ExplorerNode[] = [];
  const treeMs = timeSync(() => {
    tree = buildExplorerTree([state as ConnectionState], { now: nowMs });
  });
  let secretNodes = 0;
  const expandMs = timeSync(() => {
    secretNodes = countSecretNodes(tree);
  });
  return { stages: [parseMs, statsMs, treeMs, expandMs], secretNodes };
}

function run(input: TreeWorkerInput): TreeWorkerOutput {
  const nowMs = Date.now();
  buildOnce(listResponseText(syntheticSecretSpecs({ total: 200, namespaces: 5 }, nowMs), nowMs), nowMs);
  const text = listResponseText(syntheticSecretSpecs(input.shape, nowMs), nowMs);
  const samples: [number, number, number, number][] = [];
  let secretNodes = 0;
  let spent = 0;
  while (samples.length < input.maxRuns && (samples.length < input.minRuns || spent < input.budgetMs)) {
    const once = buildOnce(text, nowMs);
    samples.push(once.stages);
    secretNodes = once.secretNodes;
    spent += once.stages[0] + once.stages[1] + once.stages[2];
  }
  const totals = samples.map(([a, b, c]) => a + b + c);
  return {
    runs: samples.length,
    responseBytes: Buffer.byteLength(text),
    parseAndValidateMs: median(samples.map((s) => s[0])),
    statsMs: median(samples.map((s) => s[1])),
    treeMs: median(samples.map((s) => s[2])),
    expandAllMs: median(samples.map((s) => s[3])),
    totalMs: median(totals),
    totalSamplesMs: totals,
    secretNodes,
  };
}

parentPort?.postMessage(run(workerData as TreeWorkerInput));
