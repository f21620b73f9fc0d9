import { appendFileSync } from 'node:fs';
import { noPerfMarks, type PerfMarks } from '../../shared/perfMarks';

/**
 * The marks of this build. Only `node esbuild.mjs --bench-marks` (what
 * `npm run bench:ui` packages) and development builds read
 * FLUXBASE_BENCH_MARKS: the production build defines that variable as
 * `undefined` at build time, so the bundle people install cannot see it and
 * the minifier drops everything below (test/unit/bench/benchMarksBuild.test.ts).
 */
export function benchMarksOfThisBuild(): PerfMarks {
  const file = process.env.FLUXBASE_BENCH_MARKS;
  return file ? fileMarks(file) : noPerfMarks;
}

/**
 * Appends one JSON line per mark to `file`: `{"mark":name,"at":ms since the epoch (fractional),"count":n}`.
 * Synchronous and small, so a mark is on disk before the next turn; a failed write is dropped.
 */
export function fileMarks(file: string): PerfMarks {
  return {
    enabled: true,
    mark: (name, count) => {
      const at = performance.timeOrigin + performance.now();
      try {
        appendFileSync(
          file,
          JSON.stringify(count === undefined ? { mark: name, at } : { mark: name, at, count }) + '\n',
        );
      } catch {
        // a benchmark's aid: never a failure of the extension
      }
    },
  };
}
