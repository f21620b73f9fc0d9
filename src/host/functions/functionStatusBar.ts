import * as vscode from 'vscode';
import { DisposableStore } from '../../shared/disposable';
import { functionStatus } from '../../core/functions/functionStatus';
import { firstPlacement } from '../../core/functions/functionTargets';
import type { FunctionContext } from '../../core/functions/functionNamespaces';
import type { FunctionContexts } from './functionContexts';

/** The command a click runs: the effective variables of the function's namespace, without asking. */
const SHOW_EFFECTIVE_VARIABLES = 'fluxbaseSecrets.showEffectiveVariables';

/**
 * The status bar item of the active editor's function, job or shared
 * module: `$(symbol-function) charge-customer · billing`, the source of each
 * namespace in the tooltip; a click shows what the code sees in its first
 * namespace. Hidden for other files.
 */
export class FunctionStatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('fluxbaseSecrets.function', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables = new DisposableStore();
  private shown = false;

  constructor(private readonly contexts: FunctionContexts) {
    this.item.name = 'Fluxbase Function';
    this.disposables.add(this.item);
    this.disposables.add(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.disposables.add(contexts.onDidChange(() => this.update()));
    this.update();
  }

  /** Shows the active editor's context, or hides the item. */
  update(): void {
    const editor = vscode.window.activeTextEditor;
    const context = editor ? this.contexts.contextFor(editor.document.uri) : undefined;
    if (!context) {
      this.shown = false;
      this.item.hide();
      return;
    }
    const status = functionStatus(context);
    this.item.text = status.text;
    this.item.tooltip = status.tooltip;
    this.item.command = showCommand(context);
    this.shown = true;
    this.item.show();
  }

  /** What the item shows now; undefined while hidden. */
  current(): { text: string; tooltip: string; command: vscode.Command | undefined } | undefined {
    if (!this.shown) {
      return undefined;
    }
    const command =
      typeof this.item.command === 'string' ? { title: '', command: this.item.command } : this.item.command;
    return { text: this.item.text, tooltip: String(this.item.tooltip ?? ''), command };
  }

  dispose(): void {
    this.disposables.dispose();
  }
}

/** The effective-variables command for the code's first namespace (`""` shows the global secrets, all such a function sees). */
function showCommand(context: FunctionContext): vscode.Command {
  const placement = firstPlacement(context);
  return {
    title: 'What does this function see?',
    command: SHOW_EFFECTIVE_VARIABLES,
    ...(placement ? { arguments: [{ kind: 'namespace', ...placement }] } : {}),
  };
}
