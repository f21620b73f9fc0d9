import * as vscode from 'vscode';
import type { CodeRange, CreateSecretPrefill } from '../../core/commandArgument';
import type { CommandId } from '../../core/commandIds';
import { planExtraction } from '../../core/code/extraction';
import { secretNameForEnvKey } from '../../core/code/importPlan';
import { referenceAt } from '../../core/code/referenceScanner';
import type { ConfiguredConnections } from '../../core/connections/connectionNaming';
import { createSecretFix } from '../../core/functions/functionTargets';
import { noFunctionContexts, type FunctionContextSource } from '../functions/functionContextSource';
import { quickFix, wantsQuickFixes } from './quickFixes';
import type { ReferenceDiagnostics } from './referenceDiagnostics';
import { DIAGNOSTIC_SOURCE } from './referenceDiagnostics';

/** The code action kind of "Move to Fluxbase secret…". */
export const EXTRACT_TO_SECRET_KIND = vscode.CodeActionKind.RefactorExtract.append('fluxbaseSecret');

/**
 * Quick fix "Create secret NAME…" on an unknown reference (starts the
 * explorer's create flow with the name filled in, and in a function with one
 * deployed or declared namespace that namespace too), and "Move to Fluxbase
 * secret…" on a string literal or selection: offered in the light bulb for a
 * selection, and for the literal at the cursor when actions are asked for.
 */
export class SecretCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, EXTRACT_TO_SECRET_KIND],
  };

  constructor(
    private readonly diagnostics: ReferenceDiagnostics,
    /** What the connection naming rule counts (the registry): the titles name it as the create flow does. */
    private readonly configured: ConfiguredConnections,
    private readonly functions: FunctionContextSource = noFunctionContexts,
  ) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    if (wantsQuickFixes(context)) {
      actions.push(...this.createSecretFixes(document, context.diagnostics));
    }
    if (!context.only || EXTRACT_TO_SECRET_KIND.intersects(context.only)) {
      const extract = this.extractAction(document, range, context);
      if (extract) {
        actions.push(extract);
      }
    }
    return actions;
  }

  private createSecretFixes(
    document: vscode.TextDocument,
    diagnostics: readonly vscode.Diagnostic[],
  ): vscode.CodeAction[] {
    const text = document.getText();
    const functionContext = this.functions.contextFor(document.uri);
    return diagnostics
      .filter(
        (d) => d.source === DIAGNOSTIC_SOURCE && d.code === 'unknownSecret' && this.diagnostics.owns(document.uri, d),
      )
      .flatMap((diagnostic) => {
        const reference = referenceAt(text, document.offsetAt(diagnostic.range.start));
        if (!reference) {
          return [];
        }
        const fix = createSecretFix(secretNameForEnvKey(reference.variable), functionContext, this.configured);
        const action = quickFix(fix.title, diagnostic, {
          command: 'fluxbaseSecrets.createSecret' satisfies CommandId,
          arguments: [fix.argument satisfies CreateSecretPrefill],
        });
        action.isPreferred = true;
        return [action];
      });
  }

  private extractAction(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction | undefined {
    // Every string would get a light bulb otherwise: for the cursor alone, wait until actions are asked for.
    if (range.isEmpty && context.triggerKind !== vscode.CodeActionTriggerKind.Invoke) {
      return undefined;
    }
    const plan = planExtraction(document.getText(), document.offsetAt(range.start), document.offsetAt(range.end));
    if (typeof plan === 'string') {
      return undefined;
    }
    const action = new vscode.CodeAction('Move to Fluxbase secret…', EXTRACT_TO_SECRET_KIND);
    const argument: CodeRange = {
      uri: document.uri.toString(),
      start: { line: range.start.line, character: range.start.character },
      end: { line: range.end.line, character: range.end.character },
    };
    action.command = {
      title: action.title,
      command: 'fluxbaseSecrets.extractToSecret' satisfies CommandId,
      arguments: [argument],
    };
    return action;
  }
}
