import * as vscode from 'vscode';
import { vscodeMultiPicker } from './code/codeDialogs';
import {
  UserCancelledError,
  type ChoiceOptions,
  type InputValidation,
  type PickItem,
  type PickManyItem,
  type PickOptions,
  type TextInputOptions,
  type UserInput,
} from '../core/userInput';

/**
 * UserInput over VS Code's input boxes, quick picks and modal messages.
 * Dismissing any of them rejects with UserCancelledError. Boxes stay open
 * when focus moves elsewhere, so a person can copy a key from another window.
 */
export class VscodeUserInput implements UserInput {
  async inputText(options: TextInputOptions): Promise<string> {
    const { validate } = options;
    const answer = await vscode.window.showInputBox({
      title: options.title,
      prompt: options.prompt,
      placeHolder: options.placeholder,
      value: options.value,
      password: options.password ?? false,
      ignoreFocusOut: true,
      validateInput: validate ? (value) => toValidationMessage(validate(value)) : undefined,
    });
    if (answer === undefined) {
      throw new UserCancelledError();
    }
    return answer;
  }

  async pick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T> {
    const picked = await vscode.window.showQuickPick(
      items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, item })),
      {
        title: options.title,
        placeHolder: options.placeholder,
        matchOnDescription: options.matchOnDetails ?? false,
        matchOnDetail: options.matchOnDetails ?? false,
        ignoreFocusOut: true,
      },
    );
    if (picked === undefined) {
      throw new UserCancelledError();
    }
    return picked.item.value;
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

function toValidationMessage(validation: InputValidation | undefined): vscode.InputBoxValidationMessage | undefined {
  if (!validation) {
    return undefined;
  }
  const severity =
    validation.severity === 'error'
      ? vscode.InputBoxValidationSeverity.Error
      : vscode.InputBoxValidationSeverity.Warning;
  return { message: validation.message, severity };
}
