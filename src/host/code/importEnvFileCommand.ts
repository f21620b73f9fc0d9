import * as vscode from 'vscode';
import { importEnvFile, type EnvFileContent, type ImportEnvFileDeps } from '../../core/code/importEnvFile';
import type { ImportReport } from '../../core/code/importRunner';
import { targetPresetOf } from '../../core/code/secretTargetChoice';
import { isTreeNodeArgument } from '../../core/commands/commandOrigin';
import { UserCancelledError } from '../../core/userInput';
import type { CodeDialogs } from './codeDialogs';

/** What the command needs besides the import flow's own: the open dialog. */
export interface ImportEnvFileCommandDeps extends ImportEnvFileDeps {
  dialogs: Pick<CodeDialogs, 'openFile'>;
}

/** `.env`, `.env.local`, `.env.production`…: the files the import offers itself for. */
const ENV_FILE_NAME = /^\.env/;

/**
 * "Import .env File…". The file: the one it was invoked on (explorer or
 * editor context menu); from the palette, the active editor's `.env*`
 * document (unsaved edits included), else one chosen in an open dialog.
 * From a scope or namespace row of the Secrets tree, that row is the target
 * (no scope question) and the file is always asked for, the dialog starting
 * at the active `.env*` editor's file when there is one: the row says where
 * to, not what. Resolves to the import's report.
 */
export function importEnvFileCommand(deps: ImportEnvFileCommandDeps) {
  const run = importEnvFile(deps);
  return async (arg?: unknown): Promise<ImportReport> => {
    const file = await envFileOf(arg, deps.dialogs);
    return run(file, arg instanceof vscode.Uri ? {} : targetPresetOf(arg));
  };
}

async function envFileOf(arg: unknown, dialogs: ImportEnvFileCommandDeps['dialogs']): Promise<EnvFileContent> {
  if (arg instanceof vscode.Uri) {
    return readEnvFile(arg);
  }
  const active = activeEnvDocument();
  if (active && !isTreeNodeArgument(arg)) {
    return { fileName: baseName(active.uri), text: active.getText() };
  }
  const defaultUri = active?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await dialogs.openFile({
    title: 'Import .env File',
    openLabel: 'Import',
    ...(defaultUri ? { defaultUri } : {}),
  });
  if (!picked) {
    throw new UserCancelledError();
  }
  return readEnvFile(picked);
}

/** The active editor's document when it is a `.env*` file. */
function activeEnvDocument(): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  return active && ENV_FILE_NAME.test(baseName(active.uri)) ? active : undefined;
}

async function readEnvFile(uri: vscode.Uri): Promise<EnvFileContent> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  const text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  return { fileName: baseName(uri), text };
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
