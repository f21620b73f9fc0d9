import * as vscode from 'vscode';
import { benchPingText, type PerfMarks } from '../../shared/perfMarks';

/** The benchmark's empty command; registered only when marks are on, and never contributed to the palette. */
export const BENCH_PING_COMMAND = 'fluxbaseSecrets.benchPing';

/**
 * The floor of every command the benchmark times (`npm run bench:ui`): a key
 * bound to this command → the extension host runs it (a mark) → its status
 * text drawn in the page. Absent (no command at all) in builds without marks;
 * registerCommands registers it with the table's commands.
 */
export function benchPingCommand(marks: PerfMarks): Readonly<Record<string, () => unknown>> {
  if (!marks.enabled) {
    return {};
  }
  let pings = 0;
  return {
    [BENCH_PING_COMMAND]: () => {
      pings++;
      marks.mark('ping', pings);
      return vscode.window.setStatusBarMessage(benchPingText(pings), 60_000);
    },
  };
}
