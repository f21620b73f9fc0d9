import * as vscode from 'vscode';
import type { CancellableProgress, MultiPicker, PickManyItem, TemplateOutput } from '../../core/code/codePorts';
import { UserCancelledError } from '../../core/userInput';

/** A multi-select quick pick; dismissing it cancels. */
export const vscodeMultiPicker: MultiPicker = {
  async pickMany<T>(items: readonly PickManyItem<T>[], options: { title: string; placeholder?: string }): Promise<T[]> {
    const picks = items.map((item) => ({
      label: item.label,
      description: item.description,
      detail: item.detail,
      picked: item.picked,
      value: item.value,
    }));
    const chosen = await vscode.window.showQuickPick(picks, {
      title: options.title,
      placeHolder: options.placeholder,
      canPickMany: true,
      matchOnDescription: true,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    if (!chosen) {
      throw new UserCancelledError();
    }
    return chosen.map((pick) => pick.value);
  },
};

/** A notification with a Cancel button and a progress bar. */
export const vscodeCancellableProgress: CancellableProgress = {
  run(title, task) {
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        (progress, token) => task((message, increment) => progress.report({ message, increment }), token),
      ),
    );
  },
};

/** Untitled documents and the save dialog, starting in the first workspace folder. */
export const vscodeTemplateOutput: TemplateOutput = {
  async openUntitled(content: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument({ content, language: 'properties' });
    await vscode.window.showTextDocument(document);
  },

  async saveAs(fileName: string, content: string): Promise<string | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
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
