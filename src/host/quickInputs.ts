import * as vscode from 'vscode';
import {
  UserCancelledError,
  UserWentBackError,
  type InputValidation,
  type PickItem,
  type PickOptions,
  type TextInputOptions,
} from '../core/userInput';

/**
 * The input box and quick pick behind VscodeUserInput, built on
 * createInputBox/createQuickPick as VS Code's MultiStepInput sample is, so
 * that a step of a flow can offer Back (QuickInputButtons.Back, rejecting
 * with UserWentBackError). Escape or hiding rejects with UserCancelledError.
 * Both stay open when focus moves elsewhere, so a person can copy a key from
 * another window; each is disposed when answered, and with it what was
 * typed.
 */
export function showTextInput(options: TextInputOptions): Promise<string> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.prompt = options.prompt;
  box.placeholder = options.placeholder;
  box.value = options.value ?? '';
  box.password = options.password ?? false;
  box.ignoreFocusOut = true;
  box.buttons = options.backButton ? [vscode.QuickInputButtons.Back] : [];
  const judge = (value: string): InputValidation | undefined => options.validate?.(value);
  return settle(box, (resolve, disposables) => {
    const showValidation = (value: string): void => {
      box.validationMessage = toValidationMessage(judge(value));
    };
    disposables.push(
      box.onDidChangeValue(showValidation),
      box.onDidAccept(() => {
        const value = box.value;
        if (judge(value)?.severity !== 'error') {
          resolve(value);
        } else {
          showValidation(value);
        }
      }),
    );
    // A message takes the prompt's place: an empty box shows its prompt until something is typed.
    if (box.value !== '') {
      showValidation(box.value);
    }
  });
}

/** A quick pick of `items`; resolves to the accepted item's value. */
export function showPick<T>(items: readonly PickItem<T>[], options: PickOptions): Promise<T> {
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { item: PickItem<T> }>();
  pick.title = options.title;
  pick.placeholder = options.placeholder;
  pick.matchOnDescription = options.matchOnDetails ?? false;
  pick.matchOnDetail = options.matchOnDetails ?? false;
  pick.ignoreFocusOut = true;
  pick.buttons = options.backButton ? [vscode.QuickInputButtons.Back] : [];
  pick.items = items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, item }));
  const active = options.activeIndex !== undefined ? pick.items[options.activeIndex] : undefined;
  if (active) {
    pick.activeItems = [active];
  }
  return settle(pick, (resolve, disposables) => {
    disposables.push(
      pick.onDidAccept(() => {
        const [chosen] = pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems;
        if (chosen) {
          resolve(chosen.item.value);
        }
      }),
    );
  });
}

/** Shows `input` and settles on an answer, Back or hiding; disposes it and its listeners either way. */
function settle<T>(
  input: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>,
  listen: (resolve: (value: T) => void, disposables: vscode.Disposable[]) => void,
): Promise<T> {
  const disposables: vscode.Disposable[] = [];
  return new Promise<T>((resolve, reject) => {
    listen(resolve, disposables);
    disposables.push(
      input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) {
          reject(new UserWentBackError());
        }
      }),
      input.onDidHide(() => reject(new UserCancelledError())),
    );
    input.show();
  }).finally(() => {
    for (const disposable of disposables) {
      disposable.dispose();
    }
    input.dispose();
  });
}

function toValidationMessage(validation: InputValidation | undefined): vscode.InputBoxValidationMessage | undefined {
  if (!validation) {
    return undefined;
  }
  const severity = {
    error: vscode.InputBoxValidationSeverity.Error,
    warning: vscode.InputBoxValidationSeverity.Warning,
    info: vscode.InputBoxValidationSeverity.Info,
  }[validation.severity];
  return { message: validation.message, severity };
}
