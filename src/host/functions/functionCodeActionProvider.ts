import * as vscode from 'vscode';
import type { CatalogIndex } from '../../core/code/catalogIndex';
import { secretNameForEnvKey } from '../../core/code/importPlan';
import { referenceAt } from '../../core/code/referenceScanner';
import { resolveVariable } from '../../core/code/variableResolution';
import type { Clock } from '../../core/explorer/clock';
import type { ConfiguredConnections } from '../../core/connections/connectionNaming';
import { functionCreatePrefill, namespaceCreateTitle, namespacesLacking } from '../../core/functions/functionTargets';
import { findNamespaceAnnotation, syncCommand } from '../../core/functions/namespaceAnnotation';
import { quickFix, QuickFixProvider } from '../code/quickFixes';
import { DIAGNOSTIC_SOURCE, type ReferenceDiagnostics } from '../code/referenceDiagnostics';
import type { FunctionContextSource } from './functionContextSource';

/** The commands the function quick fixes run. */
export const FUNCTION_FIX_COMMANDS = {
  create: 'fluxbaseSecrets.createSecret',
  setNamespaces: 'fluxbaseSecrets.setFunctionNamespaces',
  copySyncCommand: 'fluxbaseSecrets.copySyncCommand',
} as const;

const CREATE_CODES: ReadonlySet<unknown> = new Set(['unknownSecret', 'notAvailableInNamespace', 'expiredInNamespace']);

/**
 * The quick fixes of a function file: "Create NAME in namespace X…" for each
 * namespace of the function that lacks the secret (the create flow starts
 * with connection, scope and namespace chosen), and, on
 * `@fluxbase:namespace X`, "Add X to the namespace setting" and "Copy sync
 * command".
 */
export class FunctionCodeActionProvider extends QuickFixProvider {
  constructor(
    private readonly diagnostics: ReferenceDiagnostics,
    private readonly functions: FunctionContextSource,
    private readonly index: CatalogIndex,
    private readonly clock: Clock,
    /** What the connection naming rule counts (the registry): the titles name it as the create flow does. */
    private readonly configured: ConfiguredConnections,
  ) {
    super();
  }

  protected quickFixes(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
    const functionContext = this.functions.contextFor(document.uri);
    if (!functionContext) {
      return [];
    }
    const ours = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && this.diagnostics.owns(document.uri, d));
    const text = document.getText();
    const actions: vscode.CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of ours) {
      if (diagnostic.code === 'namespaceAnnotation' && functionContext.unit.kind !== 'shared') {
        const annotation = findNamespaceAnnotation(text, functionContext.unit.kind);
        if (annotation) {
          actions.push(
            quickFix(`Add ${annotation.namespace} to the namespace setting`, diagnostic, {
              command: FUNCTION_FIX_COMMANDS.setNamespaces,
              arguments: [{ namespace: annotation.namespace }],
            }),
            quickFix(`Copy sync command: ${syncCommand(functionContext.unit, annotation.namespace)}`, diagnostic, {
              command: FUNCTION_FIX_COMMANDS.copySyncCommand,
              arguments: [{ namespace: annotation.namespace }],
            }),
          );
        }
        continue;
      }
      // An unknown secret's own fix already creates it in the function's one namespace (createSecretFix).
      if (
        !CREATE_CODES.has(diagnostic.code) ||
        (diagnostic.code === 'unknownSecret' && functionCreatePrefill(functionContext))
      ) {
        continue;
      }
      const reference = referenceAt(text, document.offsetAt(diagnostic.range.start));
      if (!reference) {
        continue;
      }
      const entries = this.index.byVariable().get(reference.variable) ?? [];
      const resolution = resolveVariable(reference.variable, entries, new Date(this.clock.now()));
      const name = entries[0]?.secret.name ?? secretNameForEnvKey(reference.variable);
      for (const target of namespacesLacking(resolution, functionContext)) {
        const key = `${target.connectionId}\u0000${target.namespace}\u0000${reference.variable}`;
        if (seen.has(key)) {
          continue;
        }
        seen.add(key);
        const action = quickFix(namespaceCreateTitle(name, target, this.configured), diagnostic, {
          command: FUNCTION_FIX_COMMANDS.create,
          arguments: [
            {
              connectionId: target.connectionId,
              name,
              scope: 'namespace',
              namespace: target.namespace,
              origin: 'function',
            },
          ],
        });
        action.isPreferred = actions.every((a) => !a.isPreferred);
        actions.push(action);
      }
    }
    return actions;
  }
}
