import * as vscode from 'vscode';
import type { CatalogIndex } from '../../core/code/catalogIndex';
import { completionInsertText, completionQuote, variableCompletionContext } from '../../core/code/completionContext';
import { hoverMarkdown } from '../../core/code/hoverContent';
import type { VariableResolution } from '../../core/code/variableResolution';
import { VariableCompletions } from '../../core/code/variableCompletions';
import type { Clock } from '../../core/explorer/clock';
import { functionCompletions, type FunctionCompletion } from '../../core/functions/functionCompletion';
import { functionHoverMarkdown } from '../../core/functions/functionHover';
import type { FunctionContext } from '../../core/functions/functionNamespaces';
import { noFunctionContexts, type FunctionContextSource } from '../functions/functionContextSource';
import { trustedSecretMarkdown } from './secretMarkdown';

/** Characters after which completion opens by itself: a string's opening quote, and `_` while typing a name. */
export const COMPLETION_TRIGGER_CHARACTERS = ['"', "'", '`', '_'];

/**
 * Offers the variable of every secret of the signed-in connections inside
 * `Deno.env.get("…")` and in strings that start with `FLUXBASE_SECRET_`,
 * replacing the string's whole content. Expired ones sort last, struck out.
 * In a function, job or shared module: what the code gets first (with the
 * namespace providing each), then the runtime variables, then the rest
 * marked "not available to this function".
 */
export class SecretCompletionProvider implements vscode.CompletionItemProvider, vscode.Disposable {
  /**
   * What each offered item's documentation is made from. The documentation is
   * built only for the item VS Code shows it for (resolveCompletionItem): built
   * for every item, it was megabytes of Markdown per keystroke at 10,000 secrets.
   */
  private readonly unresolved = new WeakMap<
    vscode.CompletionItem,
    { resolution: VariableResolution; now: Date; context?: FunctionContext }
  >();
  /** Each variable's item data, kept until the catalog changes (src/core/code/variableCompletions.ts). */
  private readonly completions: VariableCompletions;
  /** Whether secrets were offered in this session: then every catalog change is built ahead. */
  private asked = false;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly index: CatalogIndex,
    private readonly clock: Clock,
    private readonly functions: FunctionContextSource = noFunctionContexts,
    /** Whether an editor that completes secrets is on screen: its first request should find the items built. */
    private readonly editorShown: () => boolean = () => false,
  ) {
    this.completions = new VariableCompletions(() => index.byVariable());
    this.subscription = index.onDidChange(() => this.buildAheadIfUseful());
  }

  /**
   * Builds the items ahead of the next request (in slices, not on the keystroke) once secrets were
   * offered in this session or while an editor that completes them is shown; nothing otherwise.
   */
  buildAheadIfUseful(): void {
    if (this.asked || this.editorShown()) {
      void this.completions.warm(new Date(this.clock.now()));
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }

  provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.CompletionItem[] | undefined {
    const variables = this.index.byVariable();
    const functionContext = this.functions.contextFor(document.uri);
    if (variables.size === 0 && !functionContext) {
      return undefined;
    }
    const text = document.getText();
    const context = variableCompletionContext(text, document.offsetAt(position));
    if (!context) {
      return undefined;
    }
    this.asked = true;
    const start = document.positionAt(context.contentStart);
    if (start.line !== position.line) {
      return undefined; // completion ranges must stay on the cursor's line
    }
    const contentEnd = document.positionAt(context.contentEnd);
    const end = contentEnd.line === position.line ? contentEnd : document.lineAt(position.line).range.end;
    const range = { inserting: new vscode.Range(start, position), replacing: new vscode.Range(start, end) };
    const now = new Date(this.clock.now());

    if (functionContext) {
      return functionCompletions(variables, functionContext, now, this.completions.at(now)).map((completion) => {
        const item = functionItem(completion, range);
        // the server's name, escaped for the string it goes into
        item.insertText = completionInsertText(text, context, completion.writtenName);
        item.filterText = item.insertText;
        this.unresolved.set(item, { resolution: completion.resolution, now, context: functionContext });
        return item;
      });
    }
    const quote = completionQuote(text, context);
    return this.completions.at(now).map((completion) => {
      const item = new vscode.CompletionItem(
        { label: completion.variable, description: 'Fluxbase secret' },
        vscode.CompletionItemKind.Constant,
      );
      item.range = range;
      // the server's name, escaped for the string it goes into
      item.insertText = completion.insertText(quote);
      item.filterText = item.insertText;
      item.sortText = completion.sortText;
      item.detail = completion.detail(now);
      this.unresolved.set(item, { resolution: completion.resolution, now });
      if (completion.deprecated) {
        item.tags = [vscode.CompletionItemTag.Deprecated];
      }
      return item;
    });
  }

  /** Adds the documentation of the item VS Code is about to show it for. */
  resolveCompletionItem(item: vscode.CompletionItem): vscode.CompletionItem {
    const pending = this.unresolved.get(item);
    if (pending) {
      this.unresolved.delete(item);
      const markdown = pending.context
        ? functionHoverMarkdown(pending.resolution, pending.context, pending.now)
        : hoverMarkdown(pending.resolution, pending.now);
      if (markdown) {
        item.documentation = trustedSecretMarkdown(markdown);
      }
    }
    return item;
  }
}

/** A completion item of the function-aware list. */
function functionItem(
  completion: FunctionCompletion,
  range: { inserting: vscode.Range; replacing: vscode.Range },
): vscode.CompletionItem {
  const item = new vscode.CompletionItem(
    { label: completion.variable, description: completion.description },
    completion.group === 'runtime' ? vscode.CompletionItemKind.Variable : vscode.CompletionItemKind.Constant,
  );
  item.range = range;
  item.sortText = completion.sortText;
  item.detail = completion.detail;
  if (completion.deprecated) {
    item.tags = [vscode.CompletionItemTag.Deprecated];
  }
  return item;
}
