import * as vscode from 'vscode';
import type { TemplateOutput, WorkspaceFile } from '../../core/commands/hostPorts';
import type { CodeDialogs } from './codeDialogs';

/**
 * Untitled documents, the template file in the first workspace folder, and
 * the save dialog of `dialogs`, starting in that folder.
 */
export function createTemplateOutput(dialogs: { saveFile: CodeDialogs['saveFile'] }): TemplateOutput {
  const firstFolder = () => vscode.workspace.workspaceFolders?.[0];
  return {
    async openUntitled(content: string): Promise<void> {
      const document = await vscode.workspace.openTextDocument({ content, language: 'properties' });
      await vscode.window.showTextDocument(document);
    },

    async workspaceFile(fileName: string): Promise<WorkspaceFile | undefined> {
      const folder = firstFolder();
      if (!folder) {
        return undefined;
      }
      const uri = vscode.Uri.joinPath(folder.uri, fileName);
      const exists = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
        () => true,
        () => false,
      );
      return { uri: uri.toString(), label: vscode.workspace.asRelativePath(uri), exists };
    },

    async writeWorkspaceFile(file: WorkspaceFile, content: string): Promise<void> {
      await vscode.workspace.fs.writeFile(vscode.Uri.parse(file.uri, true), new TextEncoder().encode(content));
    },

    async saveAs(fileName: string, content: string): Promise<string | undefined> {
      const folder = firstFolder()?.uri;
      const target = await dialogs.saveFile({
        title: 'Save the .env template',
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, fileName) } : {}),
      });
      if (!target) {
        return undefined;
      }
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
      return vscode.workspace.asRelativePath(target);
    },
  };
}
