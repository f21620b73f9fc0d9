/**
 * `node scripts/benchHistoryAB.mjs --before=a.vsix --after=b.vsix [--rounds=N]`:
 * the history item of `npm run bench:ui` (row action clicked → all 50 versions
 * drawn, the first history of a fresh workbench) for two builds side by side,
 * interleaved A B, B A, A B, … in fresh workbenches over one seeded server
 * (1,000 secrets, the environment connection). Prints each build's median, the
 * median of the per-round ratios after/before, the extension's history marks
 * (ms from the click) and the load average. Both packages must be built with
 * the timing channel (`esbuild.mjs --production --bench-marks`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench } from '../../test/e2e/support/workbench';
import { killAllChildren } from '../childServer';
import { median } from '../stats';
import { firstMarkMs, marksSince } from './benchMarksReader';
import { benchKeybindings, expandGlobal, firstRows, historyShows, pingRoundTrip } from './editorTimings';
import { requestFloorMs, secretWithVersions, seededServer } from './seededServer';

const VERSIONS = 50;
const SECRET = 'AAB_BENCH_HISTORY';
const MARKS = ['history.panel', 'history.loaded', 'history.html', 'history.received', 'history.post.history'];

interface Sample {
  ms: number;
  pingMs: number;
  load: number;
  marks: Record<string, number>;
}

function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function log(text: string): void {
  process.stderr.write(`[bench:history] ${text}\n`);
}

async function main(): Promise<void> {
  const builds = { before: option('before'), after: option('after') };
  if (builds.before === undefined || builds.after === undefined) {
    throw new Error('usage: --before=<vsix> --after=<vsix> [--rounds=N]');
  }
  const rounds = Number(option('rounds') ?? '5');
  const scratch = mkdtempSync(join(tmpdir(), 'fluxbase-bench-history-'));
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  const samples: Record<'before' | 'after', Sample[]> = { before: [], after: [] };
  try {
    const seeded = await seededServer(scratch, { total: 1000, namespaces: 10 }, 'history');
    try {
      const historyId = await secretWithVersions(seeded, SECRET, VERSIONS);
      const versionsFloor = await requestFloorMs(seeded, `/api/v1/secrets/${historyId}/versions`);
      log(`versions request from Node: ${versionsFloor.toFixed(1)} ms`);
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
        for (const build of order) {
          const marksFile = join(scratch, `marks-${build}-${round}.jsonl`);
          const workbench = await openWorkbench({
            workspace,
            vsixPath: builds[build],
            extensionEnv: {
              FLUXBASE_URL: seeded.server.url,
              FLUXBASE_SERVICE_TOKEN: seeded.key,
              FLUXBASE_BENCH_MARKS: marksFile,
            },
            keybindings: benchKeybindings,
          });
          try {
            const { page } = workbench;
            await firstRows(workbench);
            const pings: number[] = [];
            for (let n = 1; n <= 3; n++) pings.push((await pingRoundTrip(page, n)).ms);
            await expandGlobal(page, SECRET);
            const shown = await historyShows(page, SECRET, VERSIONS);
            const all = marksSince(marksFile, shown.started);
            const marks: Record<string, number> = {};
            for (const name of MARKS) {
              const at = firstMarkMs(all, name, shown.started);
              if (at !== undefined) marks[name] = Math.round(at);
            }
            const load = loadavg()[0] ?? NaN;
            samples[build].push({ ms: shown.ms, pingMs: median(pings), load, marks });
            log(
              `round ${round + 1} ${build}: ${shown.ms.toFixed(0)} ms, marks ${JSON.stringify(marks)}, load ${load.toFixed(2)}`,
            );
          } finally {
            await workbench.close();
          }
        }
      }
    } finally {
      await seeded.stop();
    }
  } finally {
    killAllChildren();
    rmSync(scratch, { recursive: true, force: true });
  }
  const ratios = samples.after.map((after, index) => after.ms / (samples.before[index]?.ms ?? NaN));
  const summary = {
    rounds,
    before: { median: median(samples.before.map((s) => s.ms)), ping: median(samples.before.map((s) => s.pingMs)) },
    after: { median: median(samples.after.map((s) => s.ms)), ping: median(samples.after.map((s) => s.pingMs)) },
    ratioAfterOverBefore: median(ratios),
    load: samples.before.concat(samples.after).map((s) => Number(s.load.toFixed(2))),
    samples,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(
    join(process.env.FLUXBASE_REPO_ROOT ?? '.', 'out', 'bench', 'bench-history-ab.json'),
    JSON.stringify(summary, null, 2),
  );
}

main().catch((error: unknown) => {
  killAllChildren();
  process.stderr.write(`bench history failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
