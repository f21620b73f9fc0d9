import * as vscode from 'vscode';
import { parseNamespaceMapping, type NamespaceMapping } from '../../core/functions/declaredNamespaces';
import type { LayoutOverrides } from '../../core/functions/folderLayout';

/** The setting that declares namespaces for folders and globs (written by "Set Function Namespaces…"). */
export const NAMESPACES_SETTING = 'functions.namespaces';
const SECTION = 'fluxbaseSecrets';

/** The functions and jobs directories a folder's settings set (empty: detected as the CLI does). */
export function readLayoutOverrides(folder: vscode.WorkspaceFolder): LayoutOverrides {
  const config = vscode.workspace.getConfiguration(SECTION, folder.uri);
  return {
    functionsDirectory: config.get<string>('functions.directory', '') ?? '',
    jobsDirectory: config.get<string>('jobs.directory', '') ?? '',
  };
}

/** The namespace mapping of a folder, cleaned. */
export function readNamespaceMapping(folder: vscode.WorkspaceFolder): NamespaceMapping {
  return parseNamespaceMapping(vscode.workspace.getConfiguration(SECTION, folder.uri).get<unknown>(NAMESPACES_SETTING));
}

/** Writes the mapping for the folder: its folder settings in a multi-root workspace, else the workspace settings. */
export async function writeNamespaceMapping(
  folder: vscode.WorkspaceFolder,
  mapping: Record<string, string | string[]>,
): Promise<void> {
  const target =
    (vscode.workspace.workspaceFolders?.length ?? 0) > 1
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : vscode.ConfigurationTarget.Workspace;
  await vscode.workspace.getConfiguration(SECTION, folder.uri).update(NAMESPACES_SETTING, mapping, target);
}

/** True when a change touches the settings the function contexts read. */
export function affectsFunctionSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return ['functions', 'jobs'].some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
}
