import type { CommandArgument } from '../commandArgument';
import { UserCancelledError } from '../userInput';
import type { TextFile, WorkspaceFiles } from './hostPorts';

/** `.env`, `.env.local`, `.env.production`…: the files the import offers itself for. */
const ENV_FILE_NAME = /^\.env/;

/**
 * The file "Import .env File…" reads: the one it was invoked on (explorer or
 * editor context menu); from the palette, the active editor's `.env*`
 * document (unsaved edits included), else one chosen in an open dialog.
 * From a row of the Secrets tree the file is always asked for, the dialog
 * starting at the active `.env*` editor's file when there is one: the row
 * says where to, not what.
 */
export async function chooseEnvFile(files: WorkspaceFiles, arg: CommandArgument): Promise<TextFile> {
  if (arg.kind === 'file') {
    return files.read(arg.uri);
  }
  const active = files.activeDocument();
  const activeEnv = active && ENV_FILE_NAME.test(active.fileName) ? active : undefined;
  if (activeEnv && arg.kind !== 'treeNode') {
    return activeEnv;
  }
  const defaultUri = activeEnv?.uri ?? files.firstFolder();
  const picked = await files.openFile({
    title: 'Import .env File',
    openLabel: 'Import',
    ...(defaultUri ? { defaultUri } : {}),
  });
  if (!picked) {
    throw new UserCancelledError();
  }
  return files.read(picked);
}
