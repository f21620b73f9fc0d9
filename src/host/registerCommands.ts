import * as vscode from 'vscode';
import { parseCommandArgument } from '../core/commandArgument';
import { COMMAND_IDS } from '../core/commandIds';
import type { CommandDeps } from '../core/commands/commandDeps';
import type { Commands } from '../core/commands/commands';
import { reportingHandler } from '../core/commands/runCommand';

/**
 * The one place in src/ that registers commands: every handler of the table,
 * given the parsed argument (parseCommandArgument) and wrapped in runCommand
 * (the one place failures become messages); and the host-only commands
 * of `extra` (the benchmark's empty command, in builds with marks only).
 */
export function registerCommands(
  table: Commands,
  deps: Pick<CommandDeps, 'notifier' | 'logger' | 'showLogs' | 'executeCommand'>,
  extra: Readonly<Record<string, () => unknown>> = {},
): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(extra).map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
    ...COMMAND_IDS.map((id) => {
      const handler = reportingHandler(
        id,
        table[id] as (arg: ReturnType<typeof parseCommandArgument>) => Promise<unknown>,
        deps,
      );
      return vscode.commands.registerCommand(id, (arg?: unknown) => handler(parseCommandArgument(arg)));
    }),
  );
}
