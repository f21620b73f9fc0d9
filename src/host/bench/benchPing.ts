import * as vscode from 'vscode';
import { benchPingText, type PerfMarks } from '../../shared/perfMarks';

/** The benchmark's empty command; registered only when marks are on, and never contributed to the palette. */
export const BENCH_PING_COMMAND = 'fluxbaseSecrets.benchPing';

/**
 * The floor of every command the benchmark times (`npm run bench:ui`): a key
 * bound to this command → the extension host runs it (a mark) → its status
 * text drawn in the page. Does nothing at all in builds without marks.
 */
export function registerBenchPing(marks: PerfMarks): vscode.Disposable {
  if (!marks.enabled) {
    return new vscode.Disposable(() => undefined);
  }
  let pings = 0;
  return vscode.commands.registerCommand(BENCH_PING_COMMAND, () => {
    pings++;
    marks.mark('ping', pings);
    return vscode.window.setStatusBarMessage(benchPingText(pings), 60_000);
  });
}
