import { writeFileSync } from 'node:fs';

/** Pass/fail counts of one test layer, as scripts/test.mjs sums them. */
export interface TestCounts {
  passed: number;
  failed: number;
}

/** Environment variable naming the JSON file a layer writes its {@link TestCounts} to. */
export const testResultsFileVariable = 'FLUXBASE_TEST_RESULTS';

/** Writes the counts to the file named by FLUXBASE_TEST_RESULTS, if set, and prints a parseable line. */
export function reportTestCounts(layer: string, counts: TestCounts): void {
  const file = process.env[testResultsFileVariable];
  if (file) {
    writeFileSync(file, JSON.stringify(counts));
  }
  console.log(`[${layer}] ${counts.passed} passed, ${counts.failed} failed`);
}
