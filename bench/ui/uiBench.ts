/**
 * `npm run bench:ui`: timings a person waits for inside VS Code (code-server in
 * headless Chromium, as the UI tests run it), with the extension built with
 * its timing channel (`esbuild.mjs --bench-marks`), connected through the
 * environment connection to a seeded local server. Each item is timed from the
 * page (bench/ui/editorTimings.ts) and set beside its floor measured in the
 * same run: the HTTP request itself from Node for what loads data, the
 * extension's empty command (key → host → status bar) for what runs a command.
 * The extension's marks (activation, store changed, tree rebuilt, completion
 * answered) break the figures down. Medians of `rounds` fresh workbenches.
 * More items: scripts/bench/*.mjs (bench/ui/uiBenchKit.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench } from '../../test/e2e/support/workbench';
import { killAllChildren } from '../childServer';
import { median } from '../stats';
import { globalCount, globalName, type DataSetShape } from '../syntheticSecrets';
import { marksSince } from './benchMarksReader';
import { benchKeybindings, pingRoundTrip } from './editorTimings';
import { extensionHostMarks } from './extensionHostLog';
import { runningWindowFirstRows, runRound, type RoundFigures } from './uiBenchRound';
import { uiReportTable } from './uiBenchReport';
import { loadItemModules, type UiBenchKit, type UiBenchRow } from './uiBenchKit';
import { requestFloorMs, secretWithVersions, seededServer, type SeededServer } from './seededServer';

const HISTORY_VERSIONS = 50;
const HISTORY_SECRET = 'AAB_BENCH_HISTORY';

function sizesOf(argv: string[], quick: boolean): DataSetShape[] {
  const only = argv.find((arg) => arg.startsWith('--secrets='))?.slice('--secrets='.length);
  if (only)
    return only.split(',').map((total) => ({ total: Number(total), namespaces: Math.max(1, Number(total) / 50) }));
  if (quick) return [{ total: 200, namespaces: 5 }];
  return [
    { total: 1000, namespaces: 10 },
    { total: 10_000, namespaces: 200 },
  ];
}

function kitFor(scratch: string, workspace: string, quick: boolean, rounds: number): UiBenchKit {
  return {
    quick,
    rounds,
    seededServer: (shape, label) => seededServer(scratch, shape, label),
    openWorkbench: async (seeded: SeededServer, label: string) => {
      const marksFile = join(scratch, `marks-${label}-${Date.now()}.jsonl`);
      const workbench = await openWorkbench({
        workspace,
        vsixPath: process.env.FLUXBASE_BENCH_VSIX,
        extensionEnv: {
          FLUXBASE_URL: seeded.server.url,
          FLUXBASE_SERVICE_TOKEN: seeded.key,
          FLUXBASE_BENCH_MARKS: marksFile,
        },
        settings: { 'fluxbaseSecrets.completionLanguages': ['plaintext'] },
        keybindings: benchKeybindings,
      });
      const marks = () =>
        [...marksSince(marksFile, 0), ...extensionHostMarks(workbench.profile.userDataDir)].sort((a, b) => a.at - b.at);
      return { workbench, marks };
    },
    pingRoundTripMs: async (page, n) => (await pingRoundTrip(page, n)).ms,
    requestFloorMs,
    median,
    log: (text) => process.stderr.write(`[bench:ui] ${text}\n`),
  };
}

/** The rows of one size: medians over rounds, each beside its floor and target. */
function rowsOf(shape: DataSetShape, rounds: RoundFigures[], floors: { list: number; versions: number }): UiBenchRow[] {
  const loadAverage = loadavg();
  const pick = (key: keyof RoundFigures['ms']): number[] => rounds.map((round) => round.ms[key]);
  const ping = median(rounds.map((round) => round.pingMs));
  const marksOf = (key: string): Record<string, number> => {
    const names = new Set(rounds.flatMap((round) => Object.keys(round.marks[key] ?? {})));
    return Object.fromEntries(
      [...names].map((name) => [
        name,
        median(rounds.map((round) => round.marks[key]?.[name] ?? NaN).filter(Number.isFinite)),
      ]),
    );
  };
  const row = (
    item: string,
    key: keyof RoundFigures['ms'],
    floorName: string,
    floorMs: number,
    target?: [string, (ms: number) => boolean],
  ): UiBenchRow => {
    const samples = pick(key);
    const ms = median(samples);
    return {
      item,
      secrets: shape.total,
      ms,
      samples,
      floorName,
      floorMs,
      target: target?.[0],
      met: target?.[1](ms),
      marks: marksOf(key),
      loadAverage,
    };
  };
  const firstRowsBudget = shape.total <= 1000 ? 150 : 500;
  return [
    row('View opened → first rows', 'firstRows', 'list request', floors.list, [
      `≤ floor + ${firstRowsBudget} ms`,
      (ms) => ms <= floors.list + firstRowsBudget,
    ]),
    row('View opened, extension host up → first rows', 'firstRowsRunning', 'list request', floors.list, [
      `≤ floor + ${firstRowsBudget} ms`,
      (ms) => ms <= floors.list + firstRowsBudget,
    ]),
    row('Refresh → rows updated (a secret created: its connection redrawn)', 'refresh', 'empty command', ping),
    row('Refresh → row updated (a secret updated: its group redrawn)', 'refreshUpdated', 'empty command', ping),
    row('Filter typed → rows filtered', 'filterRows', 'empty command', ping, ['≤ 100 ms', (ms) => ms <= 100]),
    row('Filter typed → rows and the view message (VS Code: +200 ms debounce)', 'filter', 'empty command', ping),
    row('`Deno.env.get("` → completion (warm)', 'completion', 'empty command', ping, ['≤ 100 ms', (ms) => ms <= 100]),
    row('`Deno.env.get("` → completion (first)', 'firstCompletion', 'empty command', ping),
    row(
      `History page, ${HISTORY_VERSIONS} versions`,
      'history',
      'empty command + versions request',
      ping + floors.versions,
      ['≤ 300 ms', (ms) => ms <= 300],
    ),
  ];
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const rounds = quick ? 1 : 3;
  const scratch = mkdtempSync(join(tmpdir(), 'fluxbase-bench-ui-'));
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'refs.txt'), 'secret references\n');
  const kit = kitFor(scratch, workspace, quick, rounds);
  const report: UiBenchRow[] = [];
  try {
    for (const shape of sizesOf(process.argv, quick)) {
      const seeded = await kit.seededServer(shape, 'tree');
      try {
        const historyId = await secretWithVersions(seeded, HISTORY_SECRET, HISTORY_VERSIONS);
        const floors = {
          list: await requestFloorMs(seeded, '/api/v1/secrets'),
          versions: await requestFloorMs(seeded, `/api/v1/secrets/${historyId}/versions`),
        };
        const lastGlobal = globalName(globalCount(shape.total) - 1);
        const figures: RoundFigures[] = [];
        for (let round = 0; round < rounds; round++) {
          const { workbench, marks } = await kit.openWorkbench(seeded, `${shape.total}-${round}`);
          try {
            figures.push(
              await runRound({
                workbench,
                marks,
                seeded,
                round,
                historySecret: HISTORY_SECRET,
                historyVersions: HISTORY_VERSIONS,
                filterFor: lastGlobal,
              }),
            );
          } catch (error) {
            kit.log(`screenshot: ${await workbench.screenshot(`bench-ui-${shape.total}-${round}`)}`);
            throw error;
          } finally {
            await workbench.close();
          }
          const running = await kit.openWorkbench(seeded, `${shape.total}-${round}-running`);
          try {
            const figure = figures.at(-1);
            const { ms, marks } = await runningWindowFirstRows(running);
            if (figure) [figure.ms.firstRowsRunning, figure.marks.firstRowsRunning] = [ms, marks];
          } finally {
            await running.workbench.close();
          }
          kit.log(
            `${shape.total} secrets, round ${round + 1}: ${JSON.stringify(figures.at(-1)?.ms)} load ${loadavg()[0]?.toFixed(2)}`,
          );
        }
        report.push(...rowsOf(shape, figures, floors));
      } finally {
        await seeded.stop();
      }
    }
    for (const module of await loadItemModules(join(process.env.FLUXBASE_REPO_ROOT ?? '.', 'scripts', 'bench'))) {
      kit.log(`item module ${module.name}`);
      report.push(...(await module.run(kit)));
    }
  } finally {
    killAllChildren();
    rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(`\n${uiReportTable(report)}\n`);
  writeFileSync(join(process.env.FLUXBASE_REPO_ROOT ?? '.', 'bench-ui-results.json'), JSON.stringify(report, null, 2));
}

main().catch((error: unknown) => {
  killAllChildren();
  process.stderr.write(`bench:ui failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
