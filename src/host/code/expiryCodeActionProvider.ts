import type * as vscode from 'vscode';
import { expiryFixes } from '../../core/code/expiryFixes';
import type { ConfiguredConnections } from '../../core/connections/connectionNaming';
import { quickFix, QuickFixProvider } from './quickFixes';
import { DIAGNOSTIC_SOURCE, type ReferenceDiagnostics } from './referenceDiagnostics';

/**
 * Quick fixes of expired and soon expiring references, in plain files and in
 * functions alike: "Update value of NAME…" and "Set expiry of NAME…" on the
 * exact secret the finding names (in a function's namespace, the one the
 * function reads: the namespace secret before the global one). They run the
 * Update Value and Set Expiry commands with that secret's SecretRef.
 */
export class ExpiryCodeActionProvider extends QuickFixProvider {
  constructor(
    private readonly diagnostics: ReferenceDiagnostics,
    /** What the connection naming rule counts (the registry): the titles name it as the commands do. */
    private readonly configured: ConfiguredConnections,
  ) {
    super();
  }

  protected quickFixes(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
    const seen = new Set<string>();
    return diagnostics
      .filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE)
      .flatMap((diagnostic) => {
        const renewable = this.diagnostics.renewableFor(document.uri, diagnostic);
        return expiryFixes(renewable, this.configured).flatMap((fix) => {
          // one namespace's finding and another's may name the same secret
          const key = JSON.stringify([fix.command, fix.ref.connectionId, fix.ref.id]);
          if (seen.has(key)) {
            return [];
          }
          seen.add(key);
          return [quickFix(fix.title, diagnostic, { command: fix.command, arguments: [fix.ref] })];
        });
      });
  }
}
