import * as vscode from 'vscode';
import type { CatalogIndex } from '../../core/code/catalogIndex';
import { referenceAt } from '../../core/code/referenceScanner';
import { resolveVariable } from '../../core/code/variableResolution';
import type { Clock } from '../../core/explorer/clock';
import { functionHoverMarkdown } from '../../core/functions/functionHover';
import { noFunctionContexts, type FunctionContextSource } from '../functions/functionContextSource';
import { trustedSecretMarkdown } from './secretMarkdown';
import { rangeOfOffsets } from './textRanges';

/**
 * On a reference: which secrets provide the variable (global, namespaces,
 * the namespace one winning), version, expiry, description, and links to
 * the history and to update the value; in a function, what it gets in each
 * of its namespaces first. Runtime variables get their meaning. Silent while
 * nobody is signed in.
 */
export class SecretHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly index: CatalogIndex,
    private readonly clock: Clock,
    private readonly functions: FunctionContextSource = noFunctionContexts,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (this.index.signedInConnections() === 0) {
      return undefined;
    }
    const reference = referenceAt(document.getText(), document.offsetAt(position));
    if (!reference) {
      return undefined;
    }
    const now = new Date(this.clock.now());
    const entries = this.index.byVariable().get(reference.variable) ?? [];
    const context = this.functions.contextFor(document.uri);
    const markdown = functionHoverMarkdown(resolveVariable(reference.variable, entries, now), context, now);
    if (!markdown) {
      return undefined;
    }
    const { contentStart, contentEnd } = reference.literal;
    return new vscode.Hover(trustedSecretMarkdown(markdown), rangeOfOffsets(document, contentStart, contentEnd));
  }
}
