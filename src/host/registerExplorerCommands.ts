import * as vscode from 'vscode';
import type { CommandHandler } from '../core/commands/commandTable';
import { EXPLORER_COMMANDS, EXPLORER_COMMAND_IDS, type ExplorerCommandId } from '../core/commands/commandIds';
import { runCommand, type RunCommandDeps } from '../core/commands/runCommand';

/** Registers every handler of the table, each wrapped in runCommand (the one place failures become messages). */
export function registerExplorerCommands(
  table: Record<ExplorerCommandId, CommandHandler>,
  deps: RunCommandDeps,
): vscode.Disposable {
  return vscode.Disposable.from(
    ...EXPLORER_COMMAND_IDS.map((id) =>
      vscode.commands.registerCommand(id, runCommand(id, EXPLORER_COMMANDS[id], table[id], deps)),
    ),
  );
}
