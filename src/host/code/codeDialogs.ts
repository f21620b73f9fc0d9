import * as vscode from 'vscode';
import { UserCancelledError, type PickManyItem, type UserInput } from '../../core/userInput';
import { Switchable } from '../switchable';

/** A multi-select quick pick; dismissing it cancels. */
export const vscodeMultiPicker: Pick<UserInput, 'pickMany'> = {
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

/**
 * The code features' questions that UserInput does not cover: the import
 * preview with check boxes and the open and save dialogs. VS Code's own
 * unless integration tests answer them through the testing API.
 */
export interface CodeDialogs extends Pick<UserInput, 'pickMany'> {
  /** The open dialog for one file; undefined when dismissed. */
  openFile(options: { title: string; openLabel: string; defaultUri?: vscode.Uri }): Promise<vscode.Uri | undefined>;
  /** The save dialog (which itself asks before replacing a file); undefined when dismissed. */
  saveFile(options: { title: string; defaultUri?: vscode.Uri }): Promise<vscode.Uri | undefined>;
}

/** The quick pick with check boxes and VS Code's file dialogs. */
export const vscodeCodeDialogs: CodeDialogs = {
  pickMany: (items, options) => vscodeMultiPicker.pickMany(items, options),
  openFile: async ({ title, openLabel, defaultUri }) =>
    (await vscode.window.showOpenDialog({ title, openLabel, canSelectMany: false, defaultUri }))?.[0],
  saveFile: async ({ title, defaultUri }) => vscode.window.showSaveDialog({ title, defaultUri }),
};

/** CodeDialogs that forward to VS Code's, or to the scripted ones a test put in their place. */
export class SwitchableCodeDialogs extends Switchable<CodeDialogs> implements CodeDialogs {
  pickMany<T>(items: readonly PickManyItem<T>[], options: { title: string; placeholder?: string }): Promise<T[]> {
    return this.current.pickMany(items, options);
  }

  openFile(options: Parameters<CodeDialogs['openFile']>[0]): Promise<vscode.Uri | undefined> {
    return this.current.openFile(options);
  }

  saveFile(options: Parameters<CodeDialogs['saveFile']>[0]): Promise<vscode.Uri | undefined> {
    return this.current.saveFile(options);
  }
}
