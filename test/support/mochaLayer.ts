import * as path from 'node:path';
import { findTestFiles, runMocha } from './runMocha';
import { reportTestCounts } from './testCounts';

/**
 * Runs one plain-Node test layer: `node out/test/support/mochaLayer.js <layer> <timeoutMs>`
 * runs every out/test/<layer>/**\/*.test.js, reports the counts and exits
 * non-zero on any failure or when no test ran. It exits explicitly so a
 * handle a test leaks cannot hang the run.
 */
async function main(): Promise<number> {
  const [layer, timeoutText] = process.argv.slice(2);
  const timeout = Number(timeoutText);
  if (!layer || !Number.isInteger(timeout) || timeout <= 0) {
    console.error('usage: node out/test/support/mochaLayer.js <layer> <timeoutMs>');
    return 2;
  }
  const files = findTestFiles(path.resolve(__dirname, '..', layer));
  // the layers that drive a real VS Code run a failing test once more: a repeatable failure still fails
  const counts = await runMocha({
    files,
    timeout,
    retries: layer === 'unit' ? 0 : 1,
    grep: process.env.FLUXBASE_TEST_GREP,
  });
  reportTestCounts(layer, counts);
  return counts.failed === 0 && counts.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
