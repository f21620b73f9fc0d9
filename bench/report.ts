/** The printed table of a benchmark run: one row per figure, with its target where it has one. */
import type { ReferenceIndexBenchResult } from './referenceIndexBench';
import type { ActivationBenchResult } from './activationBench';
import type { BulkBenchResult } from './bulkBench';
import type { ClientBenchResult } from './clientBench';
import type { HostBenchResult } from './hostBench';
import type { NetworkBenchResult } from './networkBench';
import type { ServerBenchResult } from './serverBench';
import type { TreeBenchResult } from './treeBench';

/** Everything a run measured; absent items were not selected. */
export interface BenchResults {
  client?: ClientBenchResult;
  bulk?: BulkBenchResult;
  tree?: TreeBenchResult;
  activation?: ActivationBenchResult;
  server?: ServerBenchResult;
  host?: HostBenchResult;
  network?: NetworkBenchResult;
  references?: ReferenceIndexBenchResult;
}

type Row = [item: string, figure: string, value: string, target: string];

const ms = (value: number): string => `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
const ops = (value: number): string => `${Math.round(value).toLocaleString('en')}/s`;
const count = (value: number): string => value.toLocaleString('en');
const ratio = (value: number): string => `${value.toFixed(2)}×`;
const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');

function clientRows(r: ClientBenchResult): Row[] {
  const rows: Row[] = [];
  for (const [name, c, unit] of [
    [`${count(r.gets.ours.operations)} gets by name`, r.gets, 'gets'],
    [`list of ${count(r.listSize)}`, r.list, 'lists'],
    [`${count(r.creates.ours.operations)} creates`, r.creates, 'creates'],
  ] as const) {
    rows.push(['1 client', `${name}: ours`, `${ops(c.ours.opsPerSecond)} ${unit} (${ms(c.ours.medianMs)})`, '']);
    const baseline = `${ops(c.baseline.opsPerSecond)} ${unit} (${ms(c.baseline.medianMs)})`;
    rows.push(['1 client', `${name}: SDK-style fetch`, baseline, '']);
    const target = c === r.gets ? `≥ 1.50× ${verdict(r.target.met)}` : '';
    rows.push(['1 client', `${name}: ours / baseline`, ratio(c.ratio), target]);
  }
  if (r.gets.rawUndici && r.gets.oursOverRawUndici !== undefined) {
    rows.push(['1 client', 'gets: raw undici Pool (floor)', `${ops(r.gets.rawUndici.opsPerSecond)} gets`, '']);
    rows.push(['1 client', 'gets: ours / raw undici', ratio(r.gets.oursOverRawUndici), '']);
  }
  return rows;
}

function bulkRows(r: BulkBenchResult): Row[] {
  return [
    [
      '2 bulk',
      `${count(r.bounded.operations)} imports, concurrency ${r.concurrency}`,
      `${ops(r.bounded.opsPerSecond)} (${ms(r.bounded.medianMs)})`,
      '',
    ],
    [
      '2 bulk',
      `${count(r.oneAtATime.operations)} imports, one at a time`,
      `${ops(r.oneAtATime.opsPerSecond)} (${ms(r.oneAtATime.medianMs)})`,
      '',
    ],
    ['2 bulk', 'speed-up', ratio(r.speedup), `≥ 4.00× ${verdict(r.target.met)}`],
  ];
}

function treeRows(r: TreeBenchResult): Row[] {
  return r.cases.map((c) => {
    const label = `${c.shape.total.toLocaleString('en')} secrets / ${c.shape.namespaces} namespaces`;
    const check = r.targets.find((t) => t.size === c.shape.total);
    const growthCheck = r.growth && c === r.cases.at(-1) ? r.growth : undefined;
    const target = [
      check ? `≤ ${check.maxMs} ms ${verdict(check.met)}` : '',
      growthCheck
        ? `n^${growthCheck.exponent.toFixed(2)} ≤ n log n (n^${growthCheck.nLogNExponent.toFixed(2)}) ${verdict(growthCheck.met)}`
        : '',
    ]
      .filter(Boolean)
      .join('; ');
    if (!c.figures) {
      const estimate =
        c.estimatedMs === undefined
          ? ''
          : ` (≈ ${(c.estimatedMs / 1000).toFixed(0)} s at the growth measured below it)`;
      return ['3 tree', label, `no run finished within ${ms(c.capMs ?? 0)}${estimate}`, target];
    }
    const f = c.figures;
    const growth = c.growth ? `, ×${c.growth.factor.toFixed(1)} (n^${c.growth.exponent.toFixed(2)})` : '';
    const stages =
      `parse+guard ${ms(f.parseAndValidateMs)}, stats ${ms(f.statsMs)}, tree ${ms(f.treeMs)}; ` +
      `every group expanded +${ms(f.expandAllMs)}`;
    return ['3 tree', label, `${ms(f.totalMs)} (${stages}; ${f.runs} runs${growth})`, target];
  });
}

function activationRows(r: ActivationBenchResult): Row[] {
  return [
    [
      '4 activation',
      'bundle (minified)',
      `${(r.bundleBytes / 1024).toFixed(1)} KiB (gzip ${(r.bundleGzipBytes / 1024).toFixed(1)} KiB)`,
      `≤ 300 KiB ${verdict(r.targets.bundle.met)}`,
    ],
    [
      '4 activation',
      'require + activate()',
      `${ms(r.activationMs)} (require ${ms(r.requireMs)}, activate ${ms(r.activateMs)})`,
      `≤ 20 ms ${verdict(r.targets.activation.met)}`,
    ],
    [
      '4 activation',
      'process wall: extension / empty module',
      `${ms(r.processWallMs)} / ${ms(r.emptyProcessWallMs)} = ${ratio(r.wallRatio)}`,
      '',
    ],
  ];
}

function serverRows(r: ServerBenchResult): Row[] {
  return r.cells.map((cell) => {
    const s = cell.server;
    const c = cell.ceiling;
    const value =
      `${ops(s.requestsPerSecond)} p50 ${ms(s.p50Ms)} p99 ${ms(s.p99Ms)} | ceiling ${ops(c.requestsPerSecond)} ` +
      `p50 ${ms(c.p50Ms)} p99 ${ms(c.p99Ms)} | ${(cell.shareOfCeiling * 100).toFixed(1)}%` +
      (s.errors > 0 ? ` (${s.errors} errors)` : '');
    const target = cell.route === 'update' ? '' : `≥ 50% ${verdict(cell.shareOfCeiling >= 0.5 && s.errors === 0)}`;
    return ['5 server', `${cell.route} @ ${cell.concurrency}`, value, target];
  });
}

function hostRows(r: HostBenchResult): Row[] {
  const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const item = '6 host';
  const rows: Row[] = [
    [
      item,
      `list of ${count(r.secrets)} (${mib(r.responseBytes)}): request / JSON.parse + guard`,
      `${ms(r.listRequestMs)} / ${ms(r.parseAndGuardMs)}`,
      '',
    ],
    [
      item,
      'first load: wall / longest slice (its CPU time)',
      `${ms(r.firstLoadMs)} / ${ms(r.firstLoadLongestSliceMs)} (${ms(r.firstLoadLongestSliceCpuMs)})`,
      '',
    ],
    [
      item,
      'refresh (3; the last after a secret was created): wall / longest slice (its CPU time)',
      `${ms(r.refreshMs)} / ${ms(r.refreshLongestSliceMs)} (${ms(r.refreshLongestSliceCpuMs)})`,
      `≤ 50 ms, load and refresh ${verdict(r.targets.refreshSlice.met)}`,
    ],
    [
      item,
      'retained heap after refresh / response',
      `${mib(r.retainedBytes)}: ${ratio(r.retainedPerResponseByte)} (with the code index ${ratio(r.retainedWithIndexPerResponseByte)})`,
      `≤ 2.00× ${verdict(r.targets.memory.met)}`,
    ],
    [
      item,
      `diagnostics: index + the check's longest slice (${count(r.diagnosticsProblems)} problems)`,
      `${ms(r.diagnosticsIndexMs)} + ${ms(r.diagnosticsCheckSliceMs)} (CPU ${ms(r.diagnosticsCheckSliceCpuMs)}; wall ${ms(r.diagnosticsCheckMs)})`,
      `≤ 50 ms ${verdict(r.targets.diagnosticsSlice.met)}`,
    ],
  ];
  return rows;
}

function networkRows(r: NetworkBenchResult): Row[] {
  const item = '7 network';
  const rows: Row[] = [[item, `round trip through the proxy (${r.delayMs} ms each way)`, ms(r.roundTripMs), '']];
  for (const i of r.imports) {
    rows.push([
      item,
      `${count(i.secrets)} imports: concurrency 8 / one at a time`,
      `${ms(i.bounded.medianMs)} / ${ms(i.oneAtATime.medianMs)}: ${ratio(i.speedup)} (${i.bounded.samplesMs.length} rounds)`,
      `≥ 6.50× ${verdict(i.target.met)}`,
    ]);
  }
  const f = r.refresh;
  rows.push([
    item,
    `refresh of ${count(f.secretsPerConnection)} secrets: 3 connections / 1 (list request alone)`,
    `${ms(f.threeMs)} / ${ms(f.oneMs)}: ${ratio(f.threeOverOne)} (${ms(f.listRequestMs)})`,
    `one round trip ${verdict(f.target.met)}`,
  ]);
  rows.push([
    item,
    `${count(r.gets.ours.operations)} gets: ours / SDK-style fetch`,
    `${ms(r.gets.ours.medianMs)} / ${ms(r.gets.baseline.medianMs)}: ${ratio(r.gets.ratio)}`,
    '',
  ]);
  return rows;
}

/** The results as a Markdown table. */
function referenceIndexRows(r: ReferenceIndexBenchResult): Row[] {
  const item = `reference index, ${count(r.files)} files (${count(Math.round(r.bytes / 1024))} KB)`;
  return [
    [item, 'batched (as the extension): total', ms(r.batched.ms), ''],
    [
      item,
      'batched: longest synchronous batch, timed in code (worst round)',
      ms(r.longestBatchMs),
      `≤ ${r.target.maxSliceMs} ms ${verdict(r.target.met)}`,
    ],
    [item, 'batched: longest event-loop gap, slice monitor (worst round)', ms(r.batched.longestSliceMs), ''],
    [item, 'idle second: longest gap (the machine alone)', ms(r.idle.longestSliceMs), ''],
    [item, 'one synchronous pass (baseline): total', ms(r.unbatched.ms), ''],
    [item, 'one synchronous pass: longest slice', ms(r.unbatched.longestSliceMs), ''],
  ];
}

export function resultsTable(results: BenchResults): string {
  const rows: Row[] = [
    ...(results.client ? clientRows(results.client) : []),
    ...(results.bulk ? bulkRows(results.bulk) : []),
    ...(results.tree ? treeRows(results.tree) : []),
    ...(results.activation ? activationRows(results.activation) : []),
    ...(results.server ? serverRows(results.server) : []),
    ...(results.host ? hostRows(results.host) : []),
    ...(results.network ? networkRows(results.network) : []),
    ...(results.references ? referenceIndexRows(results.references) : []),
  ];
  const lines = ['| Item | Figure | Median | Target |', '| --- | --- | --- | --- |'];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}
