import * as vscode from 'vscode';

/** The metadata of a code action provider that offers quick fixes only. */
export const QUICK_FIX_METADATA: vscode.CodeActionProviderMetadata = {
  providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
};

/** Whether a request asks for quick fixes: the light bulb (no `only`) does, a refactoring menu does not. */
export function wantsQuickFixes(context: vscode.CodeActionContext): boolean {
  return !context.only || context.only.contains(vscode.CodeActionKind.QuickFix);
}

/** A quick fix of `diagnostic` that runs `command`, titled as the fix is. */
export function quickFix(
  title: string,
  diagnostic: vscode.Diagnostic,
  command: Omit<vscode.Command, 'title'>,
): vscode.CodeAction {
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.command = { title, ...command };
  return action;
}

/**
 * A code action provider that offers quick fixes only: it answers a request
 * that wants quick fixes with `quickFixes` of the request's diagnostics, and
 * any other request with none.
 */
export abstract class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata = QUICK_FIX_METADATA;

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    return wantsQuickFixes(context) ? this.quickFixes(document, context.diagnostics) : [];
  }

  /** The fixes of the diagnostics shown where the request was made. */
  protected abstract quickFixes(
    document: vscode.TextDocument,
    diagnostics: readonly vscode.Diagnostic[],
  ): vscode.CodeAction[];
}
