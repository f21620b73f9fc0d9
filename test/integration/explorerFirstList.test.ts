import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/core/explorer/explorerNodes';
import { ExplorerFilter } from '../../src/core/explorer/explorerFilter';
import type { ConnectionState } from '../../src/core/explorer/secretsStore';
import { ExplorerTreeProvider } from '../../src/host/explorerTreeProvider';
import { summary } from '../unit/explorer/support/secrets';

/** A store of one connection whose state the test sets. */
function fakeStore(initial: ConnectionState) {
  let state = initial;
  const changed = new vscode.EventEmitter<void>();
  return {
    store: {
      connections: () => [state],
      onDidChange: (listener: () => void) => changed.event(listener),
      clientFor: () => undefined,
    },
    set(next: ConnectionState): void {
      state = next;
      changed.fire();
    },
    dispose: () => changed.dispose(),
  };
}

const loading: ConnectionState = {
  id: 'c1',
  name: 'First list',
  url: 'http://127.0.0.1:1',
  status: 'loading',
  secrets: [],
};

function labels(nodes: readonly ExplorerNode[]): string[] {
  return nodes.map((node) => node.label);
}

// BENCHMARKS.md, "Issue 17 on a quiet machine": answering "Loading…" at once cost the first rows VS Code's 200 ms
// debounce; VS Code's question for a loading connection's rows now waits for its list.
describe('the Secrets tree answers a loading connection with its rows once listed', () => {
  const disposables: vscode.Disposable[] = [];
  afterEach(() => disposables.splice(0).forEach((disposable) => disposable.dispose()));

  function providerOver(initial: ConnectionState) {
    const fake = fakeStore(initial);
    const provider = new ExplorerTreeProvider(fake.store, new ExplorerFilter(), { now: () => Date.now() });
    disposables.push(provider, fake);
    return { fake, provider };
  }

  it('waits for the list, then gives the listed groups, not "Loading…"', async () => {
    const { fake, provider } = providerOver(loading);
    const [connection] = provider.getChildren() as ExplorerNode[];
    assert.ok(connection);
    const asked = provider.getChildren(connection);
    assert.ok(asked instanceof Promise, 'a loading connection is answered later');
    let answered: ExplorerNode[] | undefined;
    void asked.then((rows) => (answered = rows));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(answered, undefined, 'not answered while the list is on its way');
    fake.set({
      ...loading,
      status: 'ready',
      secrets: [summary({ name: 'API_KEY' }), summary({ name: 'DB', namespace: 'billing' })],
    });
    assert.deepEqual(labels(await asked), ['Global', 'Namespaces']);
  });

  it('answers "Loading…" when the list takes longer than the wait, and a ready connection at once', async () => {
    const { fake, provider } = providerOver(loading);
    const [connection] = provider.getChildren() as ExplorerNode[];
    assert.ok(connection);
    const asked = provider.getChildren(connection);
    assert.ok(asked instanceof Promise);
    assert.deepEqual(labels(await asked), ['Loading…']);
    fake.set({ ...loading, status: 'ready', secrets: [summary({ name: 'API_KEY' })] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const [ready] = provider.getChildren() as ExplorerNode[];
    assert.ok(ready);
    const rows = provider.getChildren(ready);
    assert.ok(Array.isArray(rows), 'a listed connection is answered at once');
    assert.deepEqual(labels(rows), ['Global', 'Namespaces']);
  });
});
