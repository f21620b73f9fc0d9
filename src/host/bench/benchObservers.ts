import * as vscode from 'vscode';
import type { Disposable } from '../../shared/disposable';
import type { PerfMarks } from '../../shared/perfMarks';

/** Something that says when it changed (the store, the filter). */
interface Changing {
  onDidChange(listener: () => void): Disposable;
}

/** Marks `store.changed` and `filter.changed` when they happen; nothing when marks are off. */
export function markChanges(marks: PerfMarks, sources: { store: Changing; filter: Changing }): vscode.Disposable {
  if (!marks.enabled) {
    return new vscode.Disposable(() => undefined);
  }
  const subscriptions = [
    sources.store.onDidChange(() => marks.mark('store.changed')),
    sources.filter.onDidChange(() => marks.mark('filter.changed')),
  ];
  return new vscode.Disposable(() => subscriptions.forEach((subscription) => subscription.dispose()));
}

/** `provider` itself when marks are off; else the same provider that marks `completion.items` with the count it answers. */
export function withCompletionMarks(
  provider: vscode.CompletionItemProvider,
  marks: PerfMarks,
): vscode.CompletionItemProvider {
  if (!marks.enabled) {
    return provider;
  }
  return {
    provideCompletionItems: (document, position, token, context) => {
      marks.mark('completion.asked');
      const items = provider.provideCompletionItems(document, position, token, context);
      marks.mark('completion.items', Array.isArray(items) ? items.length : undefined);
      return items;
    },
    resolveCompletionItem: provider.resolveCompletionItem?.bind(provider),
  };
}

/** The part of a client whose list request the benchmark times. */
interface Listing {
  secrets: { list(...args: never[]): Promise<readonly unknown[]> };
}

/**
 * `client` itself when marks are off; else the same client whose `secrets.list` marks
 * `list.asked` when called and `list.answered` (with the count) once the list is parsed and checked.
 */
export function withListMarks<C extends Listing>(client: C, marks: PerfMarks): C {
  if (!marks.enabled) {
    return client;
  }
  const secrets: Listing['secrets'] = client.secrets;
  const list = secrets.list.bind(secrets);
  secrets.list = async (...args) => {
    marks.mark('list.asked');
    const listed = await list(...args);
    marks.mark('list.answered', listed.length);
    return listed;
  };
  return client;
}
