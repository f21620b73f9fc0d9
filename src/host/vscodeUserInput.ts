import * as vscode from 'vscode';
import { vscodeMultiPicker } from './code/codeDialogs';
import { showPick, showTextInput } from './quickInputs';
import {
  UserCancelledError,
  type ChoiceOptions,
  type PickItem,
  type PickManyItem,
  type PickOptions,
  type TextInputOptions,
  type UserInput,
} from '../core/userInput';

/**
 * UserInput over VS Code's input boxes, quick picks (quickInputs.ts) and
 * modal messages. Dismissing any of them rejects with UserCancelledError.
 */
export class VscodeUserInput implements UserInput {
  inputText(options: TextInputOptions): Promise<string> {
    return showTextInput(options);
  }

  pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T> {
    return showPick(items, options);
  }

  pickMany<T>(items: readonly PickManyItem<T>[], options: { title: string; placeholder?: string }): Promise<T[]> {
    return vscodeMultiPicker.pickMany(items, options);
  }

  async choose<T extends string>(options: ChoiceOptions<T>): Promise<T> {
    const chosen = await vscode.window.showWarningMessage(
      options.message,
      { modal: true, detail: options.detail },
      ...options.choices,
    );
    if (chosen === undefined) {
      throw new UserCancelledError();
    }
    return chosen;
  }
}
