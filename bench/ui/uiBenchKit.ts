/**
 * The hook for more `npm run bench:ui` items in their own modules: every
 * `scripts/bench/*.mjs` exports `runUiBenchItem(kit)`, which uiBench.ts calls
 * after its own items with this kit and whose rows join the report (and
 * bench-ui-results.json). A module uses the kit's helpers, so that its figures
 * are taken the same way: a server it seeds, workbenches with the benchmark's
 * extension build and marks, the command floor measured in the same workbench.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { Workbench } from '../../test/e2e/support/workbench';
import type { DataSetShape } from '../syntheticSecrets';
import type { Mark } from './benchMarksReader';
import type { SeededServer } from './seededServer';

/** One figure of the report: what was timed, its median and samples, its floor and target. */
export interface UiBenchRow {
  item: string;
  secrets: number;
  ms: number;
  samples: number[];
  /** What the figure is compared with, measured in the same run, e.g. "list request" or "empty command". */
  floorName: string;
  floorMs: number;
  /** The target as text, e.g. "≤ floor + 150 ms" or "≤ 100 ms", and whether the figure met it. */
  target?: string;
  met?: boolean;
  /** Medians of extension marks, ms from the action (src/host/bench/benchMarks.ts), when the item has them. */
  marks?: Record<string, number>;
  loadAverage: number[];
}

/** What an item module gets. */
export interface UiBenchKit {
  quick: boolean;
  rounds: number;
  /** Starts a local server seeded with `shape` in a child process (stopped by the caller). */
  seededServer(shape: DataSetShape, label: string): Promise<SeededServer>;
  /** A code-server workbench with the benchmark's build of the extension, connected to `seeded`, marks on. */
  openWorkbench(seeded: SeededServer, label: string): Promise<{ workbench: Workbench; marks: () => Mark[] }>;
  /** The empty command's round trip in `page` (press → the extension → drawn); `n` counts from 1 per workbench. */
  pingRoundTripMs(page: Page, n: number): Promise<number>;
  /** The median of 3 GETs of `path` from Node. */
  requestFloorMs(seeded: SeededServer, path: string): Promise<number>;
  median(values: readonly number[]): number;
  log(text: string): void;
}

/** An item module's export. */
export type UiBenchItem = (kit: UiBenchKit) => Promise<UiBenchRow[]>;

/** The item modules in `folder` (scripts/bench/*.mjs), in name order. */
export async function loadItemModules(folder: string): Promise<{ name: string; run: UiBenchItem }[]> {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.mjs'));
  } catch {
    return [];
  }
  const modules: { name: string; run: UiBenchItem }[] = [];
  for (const name of names.sort()) {
    const loaded = (await import(pathToFileURL(join(folder, name)).href)) as { runUiBenchItem?: UiBenchItem };
    if (typeof loaded.runUiBenchItem !== 'function') throw new Error(`${name} does not export runUiBenchItem(kit)`);
    modules.push({ name, run: loaded.runUiBenchItem });
  }
  return modules;
}
