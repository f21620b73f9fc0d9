/** One round of `npm run bench:ui` in one fresh workbench: every item once, with the extension's marks. */
import type { Workbench } from '../../test/e2e/support/workbench';
import { firstMarkMs, lastMarkMs, type Mark } from './benchMarksReader';
import {
  completion,
  expandGlobal,
  filterShows,
  firstRows,
  firstRowsInRunningWindow,
  historyShows,
  pingRoundTrip,
  refreshShows,
  refreshShowsVersion,
  type Timed,
} from './editorTimings';
import type { SeededServer } from './seededServer';
import { median } from '../stats';

const PINGS = 3;

/** What one round measured: page times (ms), the empty command's median, and marks (ms from each action). */
export interface RoundFigures {
  ms: {
    firstRows: number;
    /** In another workbench, whose extension host was up before the click (runningWindowFirstRows). */
    firstRowsRunning: number;
    refresh: number;
    /** Refresh after an update of a secret on screen (only its group changed). */
    refreshUpdated: number;
    filter: number;
    /** Enter → the filtered rows drawn, without waiting for the view's message. */
    filterRows: number;
    completion: number;
    firstCompletion: number;
    history: number;
  };
  pingMs: number;
  marks: Record<string, Record<string, number>>;
}

/** What a round needs. */
export interface RoundInput {
  workbench: Workbench;
  marks: () => Mark[];
  seeded: SeededServer;
  round: number;
  historySecret: string;
  historyVersions: number;
  /** Filter text that leaves this one global secret, out of sight before. */
  filterFor: string;
}

/**
 * The marks `names` during `step`: the first (`first:`) or last before the page showed the
 * result; `at:` the first at all, before the step too (negative: so many ms before it).
 */
function markBreakdown(all: readonly Mark[], step: Timed, names: string[]): Record<string, number> {
  const done = step.started + step.ms;
  const during = all.filter((entry) => entry.at >= step.started);
  const figures: Record<string, number | undefined> = {};
  for (const name of names) {
    figures[name] = name.startsWith('first:')
      ? firstMarkMs(during, name.slice('first:'.length), step.started)
      : name.startsWith('at:')
        ? firstMarkMs(all, name.slice('at:'.length), step.started)
        : lastMarkMs(during, name, step.started, done);
  }
  return Object.fromEntries(
    Object.entries(figures).filter((entry): entry is [string, number] => entry[1] !== undefined),
  );
}

/** What the first rows' marks are, in a fresh window and in a running one. */
const FIRST_ROWS_MARKS = [
  'at:exthost.started',
  'at:exthost.activating',
  'first:activate',
  'first:activated',
  'first:list.asked',
  'list.answered',
  'store.changed',
  'tree.rebuilt',
  'first:tree.roots',
  'tree.roots',
  'tree.children',
];

/** How long the running window stays idle between its extension host being up and the click. */
const RUNNING_SETTLE_MS = 2000;

/** View opened → first rows in a workbench whose extension host is up (a window in use), with marks. */
export async function runningWindowFirstRows(input: Pick<RoundInput, 'workbench' | 'marks'>): Promise<{
  ms: number;
  marks: Record<string, number>;
}> {
  const rows = await firstRowsInRunningWindow(input.workbench, RUNNING_SETTLE_MS);
  const all = input.marks();
  if (process.env.FLUXBASE_BENCH_TIMELINE) {
    // every mark around the step, ms from the click: to find what a median hides
    const timeline = all.filter((entry) => entry.at >= rows.started - 500 && entry.at <= rows.started + rows.ms);
    process.stderr.write(
      `[bench:ui] timeline (drawn at ${rows.ms.toFixed(0)}): ${timeline.map((e) => `${e.mark}${e.count === undefined ? '' : `(${e.count})`} ${(e.at - rows.started).toFixed(0)}`).join(', ')}\n`,
    );
  }
  return { ms: rows.ms, marks: markBreakdown(all, rows, FIRST_ROWS_MARKS) };
}

/** Runs every item once, in the order a person might: open the view, refresh, history, filter, completion. */
export async function runRound(input: RoundInput): Promise<RoundFigures> {
  const { page } = input.workbench;
  const rows = await firstRows(input.workbench);
  const pings: number[] = [];
  for (let n = 1; n <= PINGS; n++) pings.push((await pingRoundTrip(page, n)).ms);
  await expandGlobal(page, input.historySecret);
  const newName = `AAA_BENCH_REFRESH_${input.round}`;
  await input.seeded.client.secrets.create({ name: newName, value: 'refreshed' });
  const refresh = await refreshShows(page, newName);
  await input.seeded.client.secrets.update(newName, { value: 'updated' });
  const refreshUpdated = await refreshShowsVersion(page, newName, 2);
  const history = await historyShows(page, input.historySecret, input.historyVersions);
  const filter = await filterShows(page, input.filterFor, input.filterFor);
  const [first, warm] = await completion(page, 'refs.txt');
  const all = input.marks();
  return {
    ms: {
      firstRows: rows.ms,
      firstRowsRunning: NaN,
      refresh: refresh.ms,
      refreshUpdated: refreshUpdated.ms,
      filter: filter.ms,
      filterRows: filter.rowsMs,
      completion: warm.ms,
      firstCompletion: first.ms,
      history: history.ms,
    },
    pingMs: median(pings),
    marks: {
      firstRows: markBreakdown(all, rows, FIRST_ROWS_MARKS),
      refresh: markBreakdown(all, refresh, ['store.changed', 'tree.rebuilt', 'tree.roots', 'tree.children']),
      refreshUpdated: markBreakdown(all, refreshUpdated, ['store.changed', 'tree.rebuilt', 'tree.children']),
      filter: markBreakdown(all, filter, ['first:filter.changed', 'tree.rebuilt', 'tree.children']),
      filterRows: markBreakdown(all, { started: filter.started, ms: filter.rowsMs }, [
        'first:filter.changed',
        'tree.rebuilt',
        'tree.children',
      ]),
      history: markBreakdown(all, history, [
        'first:history.panel',
        'first:history.loaded',
        'first:history.html',
        'first:history.received',
        'first:history.post.loading',
        'first:history.post.history',
      ]),
      completion: markBreakdown(all, warm, ['first:completion.asked', 'first:completion.items']),
      firstCompletion: markBreakdown(all, first, ['first:completion.asked', 'first:completion.items']),
    },
  };
}
