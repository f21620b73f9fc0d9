import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import type { TestCounts } from './testCounts';

/**
 * Starts every line of the test report when {@link RunMochaOptions.markReport} is set: an invisible
 * character (U+2063) that lets a runner that gets the report mixed with other output tell it apart.
 */
export const REPORT_LINE_MARKER = '\u2063';

/** Options for {@link runMocha}. */
export interface RunMochaOptions {
  /** Compiled test files to load, in order. */
  files: readonly string[];
  /** Per-test timeout in milliseconds. */
  timeout: number;
  /**
   * How often a failing test is run again before it counts as failed (0 for
   * unit tests). A retry that passes is printed, so flaky tests stay visible.
   */
  retries?: number;
  /** Runs only the tests whose full title matches (FLUXBASE_TEST_GREP when debugging one test). */
  grep?: string;
  /** Start each line of the report (reporter and retry lines) with {@link REPORT_LINE_MARKER}. */
  markReport?: boolean;
}

/** Every `*.test.js` file under `dir`, sorted so runs are repeatable. */
export function findTestFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .map((file) => path.join(dir, file))
    .sort();
}

/**
 * Runs the files with mocha's BDD interface and spec reporter, serially, and
 * resolves with the counts. A file that fails to load counts as one failure
 * instead of rejecting, so the layer still reports.
 */
export async function runMocha(options: RunMochaOptions): Promise<TestCounts> {
  const retries = options.retries ?? 0;
  if (options.markReport) {
    const log = console.log;
    Mocha.reporters.Base.consoleLog = (...data: unknown[]): void => log(`${REPORT_LINE_MARKER}${format(...data)}`);
  }
  const report = Mocha.reporters.Base.consoleLog;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: options.timeout, retries, color: !process.env.CI });
  if (options.grep) {
    mocha.grep(options.grep);
  }
  for (const file of options.files) {
    mocha.addFile(file);
  }
  try {
    await mocha.loadFilesAsync();
  } catch (error) {
    report('Could not load the test files:', error);
    return { passed: 0, failed: 1 };
  }
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const stats = runner.stats;
      resolve({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0 });
    });
    runner.on(Mocha.Runner.constants.EVENT_TEST_RETRY, (test: Mocha.Test, error: unknown) => {
      report(
        `RETRYING (flaky?) "${test.fullTitle()}" after: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  });
}
