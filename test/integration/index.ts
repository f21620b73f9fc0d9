import { findTestFiles, runMocha } from '../support/runMocha';
import { reportTestCounts } from '../support/testCounts';

/**
 * Called by VS Code inside the extension host (the extensionTestsPath module):
 * runs every out/test/integration/**\/*.test.js with the real `vscode` API,
 * reports the counts and rejects when a test failed or none ran, which makes
 * VS Code exit non-zero.
 */
export async function run(): Promise<void> {
  const counts = await runMocha({
    files: findTestFiles(__dirname),
    timeout: 60_000,
    retries: 1,
    grep: process.env.FLUXBASE_TEST_GREP,
    // The report reaches the terminal through the workbench's log, with everything else the workbench
    // logs: codeServerShim shows the marked lines and keeps the rest in the layer's log file.
    markReport: true,
  });
  reportTestCounts('integration', counts);
  if (counts.failed > 0) {
    throw new Error(`${counts.failed} integration test(s) failed`);
  }
  if (counts.passed === 0) {
    throw new Error('no integration test ran');
  }
}
