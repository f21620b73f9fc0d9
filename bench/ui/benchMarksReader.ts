/**
 * The bench's side of the extension's timing channel (src/host/bench/benchMarks.ts):
 * the extension appends `{"mark","at","count"}` lines to the file FLUXBASE_BENCH_MARKS
 * names, `at` in ms since the epoch; the bench times the page on the same clock.
 */
import { existsSync, readFileSync } from 'node:fs';

/** One mark the extension wrote. */
export interface Mark {
  mark: string;
  at: number;
  count?: number;
}

/** Now, in ms since the epoch (fractional): the clock of the marks. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Every mark in `file` at or after `since`, in order; none while the file does not exist. */
export function marksSince(file: string, since: number): Mark[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Mark)
    .filter((entry) => entry.at >= since);
}

/** ms from `since` to the last mark named `name` at or before `until`, or undefined. */
export function lastMarkMs(marks: readonly Mark[], name: string, since: number, until: number): number | undefined {
  const found = marks.filter((entry) => entry.mark === name && entry.at <= until).at(-1);
  return found === undefined ? undefined : found.at - since;
}

/** ms from `since` to the first mark named `name`, or undefined. */
export function firstMarkMs(marks: readonly Mark[], name: string, since: number): number | undefined {
  const found = marks.find((entry) => entry.mark === name);
  return found === undefined ? undefined : found.at - since;
}
