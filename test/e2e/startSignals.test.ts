/**
 * `npm start` under a supervisor (issue 18): SIGINT or SIGTERM sent to the npm
 * process alone, not to its process group as a terminal's Ctrl-C does, stops
 * everything it started.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { killProcessTree } from '../support/processTree';
import {
  isListening,
  isRunning,
  processesMentioning,
  processTreeOf,
  runNpmStart,
  waitForOutput,
  type StartRun,
} from './support/npmStart';

const startTimeoutMs = 150_000;
const stopTimeoutMs = 30_000;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  describe(`npm start, sent ${signal} to the npm process alone`, function () {
    this.timeout(startTimeoutMs + stopTimeoutMs);
    // One per attempt (a failed test runs once more), so that cleaning up after a failure misses none.
    const attempts: { scratch: string; run: StartRun }[] = [];

    after(async () => {
      for (const { scratch, run } of attempts) {
        if (run.child.exitCode === null && run.child.signalCode === null) {
          await killProcessTree(run.child.pid);
        }
        for (const pid of processesMentioning(scratch)) {
          await killProcessTree(pid);
        }
        rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
      }
    });

    it('stops with exit code 0 and nothing it started left running', async () => {
      const scratch = mkdtempSync(path.join(tmpdir(), 'fluxbase-start-signal-'));
      const startDir = path.join(scratch, 'start');
      const run = runNpmStart(startDir);
      attempts.push({ scratch, run });
      const editorUrl = await waitForOutput(
        run,
        /VS Code in the browser:\s+(http:\/\/127\.0\.0\.1:\d+)\//,
        startTimeoutMs,
      );
      const serverUrl = await waitForOutput(run, /Local Fluxbase server:\s+(http:\/\/127\.0\.0\.1:\d+)/, 5_000);
      assert.ok(run.child.pid);
      const started = [...processTreeOf(run.child.pid), ...processesMentioning(startDir)];

      process.kill(run.child.pid, signal);
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), stopTimeoutMs).unref());
      const exit = await Promise.race([run.exited, timeout]);
      assert.notEqual(exit, 'timeout', `npm start did not exit within ${stopTimeoutMs} ms:\n${run.output()}`);
      assert.deepEqual(exit, { code: 0, signal: null }, run.output());
      assert.match(run.output(), /Stopped\./);
      assert.deepEqual(started.filter(isRunning), [], 'every process npm start started has ended');
      assert.deepEqual(processesMentioning(startDir), [], 'no process still uses the start folder');
      assert.equal(await isListening(editorUrl), false, 'code-server port closed');
      assert.equal(await isListening(serverUrl), false, 'Fluxbase server port closed');
    });
  });
}
