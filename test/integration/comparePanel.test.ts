import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SecretSummary } from '../../src/core/api/secretTypes';
import type { CompareStorePort } from '../../src/core/compare/comparePanelController';
import { Emitter } from '../../src/shared/disposable';
import type { ConnectionState } from '../../src/core/explorer/secretsStore';
import { silentLogger } from '../../src/shared/logger';
import { ComparePanel, type PostedCompareMessage } from '../../src/host/compare/comparePanel';
import type { CompareHostMessage } from '../../src/shared/compareProtocol';
import { readExtensionManifest } from '../support/manifest';
import { activateExtension } from './support/extensionUnderTest';

type Conn = Pick<ConnectionState, 'id' | 'name' | 'status' | 'secrets'>;
type TableMessage = Extract<CompareHostMessage, { type: 'table' }>;

function secret(name: string): SecretSummary {
  const at = new Date().toISOString();
  return { id: `id-${name}`, name, scope: 'global', version: 1, created_at: at, updated_at: at, is_expired: false };
}

/** Resolves with the first delivered table that matches, or rejects after `ms` with what was seen. */
function nextTable(panel: ComparePanel, match: (table: TableMessage) => boolean, ms = 30_000): Promise<TableMessage> {
  return new Promise((resolve, reject) => {
    const seen: PostedCompareMessage[] = [];
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no matching table within ${ms} ms; saw ${JSON.stringify(seen)}`));
    }, ms);
    const subscription = panel.onDidPost((posted) => {
      seen.push(posted);
      if (posted.delivered && posted.message.type === 'table' && match(posted.message)) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(posted.message);
      }
    });
  });
}

describe('Compare Secrets panel in VS Code', () => {
  const changes = new Emitter<void>();
  let conns: Conn[] = [
    { id: 'a', name: 'staging', status: 'ready', secrets: [secret('DB_URL'), secret('STRIPE_KEY')] },
    { id: 'b', name: 'prod', status: 'ready', secrets: [secret('DB_URL')] },
  ];
  const store: CompareStorePort = {
    connections: () => conns,
    onDidChange: (listener) => changes.event(listener),
    refresh: async () => undefined,
  };
  let panel: ComparePanel | undefined;

  after(() => panel?.dispose());

  it('registers the command once the extension is active', async () => {
    await activateExtension();
    assert.ok((await vscode.commands.getCommands(true)).includes('fluxbaseSecrets.compareSecrets'));
  });

  it('opens the page, which says ready under the CSP and receives the table, then follows the store live', async () => {
    const extension = vscode.extensions.getExtension(readExtensionManifest().extensionId);
    assert.ok(extension, 'the extension under development is loaded');
    const created: unknown[] = [];
    const first = new Promise<TableMessage>((resolve, reject) => {
      panel = ComparePanel.create(
        extension.extensionUri,
        [
          { connectionId: 'a', scope: { kind: 'global' } },
          { connectionId: 'b', scope: { kind: 'global' } },
        ],
        {
          store,
          logger: silentLogger,
          createSecret: async (prefill) => void created.push(prefill),
          showHistory: () => undefined,
        },
      );
      nextTable(panel, () => true).then(resolve, reject);
    });
    // Only a page whose script ran under the CSP says ready, and only then does the host post the table.
    const table = await first;
    assert.deepEqual(table.columns, ['staging · Global', 'prod · Global']);
    assert.deepEqual(
      table.rows.map((row) => [row.variable, ...row.cells.map((cell) => cell.kind)]),
      [
        ['FLUXBASE_SECRET_DB_URL', 'present', 'present'],
        ['FLUXBASE_SECRET_STRIPE_KEY', 'present', 'missing'],
      ],
    );
    assert.ok(panel);
    const live = nextTable(panel, (next) => next.rows.every((row) => !row.missingSomewhere));
    conns = [
      conns[0] as Conn,
      { id: 'b', name: 'prod', status: 'ready', secrets: [secret('DB_URL'), secret('STRIPE_KEY')] },
    ];
    changes.fire();
    const updated = await live;
    assert.equal(updated.rows.length, 2);
  });

  it('acts on no bad or hostile message from the page, and still on a good one after them', async () => {
    const extension = vscode.extensions.getExtension(readExtensionManifest().extensionId);
    assert.ok(extension, 'the extension under development is loaded');
    conns = [
      { id: 'a', name: 'staging', status: 'ready', secrets: [secret('DB_URL'), secret('STRIPE_KEY')] },
      { id: 'b', name: 'prod', status: 'ready', secrets: [secret('DB_URL')] },
    ];
    // A real panel whose message listener the test can also call: what the page posts goes through it.
    const webviewPanel = vscode.window.createWebviewPanel('fluxbaseSecrets.compare', 'Compare Secrets', {
      viewColumn: vscode.ViewColumn.Active,
      preserveFocus: true,
    });
    const listeners: ((message: unknown) => unknown)[] = [];
    const receive = webviewPanel.webview.onDidReceiveMessage.bind(webviewPanel.webview);
    (webviewPanel.webview as { onDidReceiveMessage: vscode.Event<unknown> }).onDidReceiveMessage = (
      listener,
      thisArg,
      disposables,
    ) => {
      listeners.push((message) => listener.call(thisArg, message));
      return receive(listener, thisArg, disposables);
    };
    const created: unknown[] = [];
    const histories: unknown[] = [];
    const warnings: string[] = [];
    const hostile = new ComparePanel(
      webviewPanel,
      extension.extensionUri,
      [
        { connectionId: 'a', scope: { kind: 'global' } },
        { connectionId: 'b', scope: { kind: 'global' } },
      ],
      {
        store,
        logger: { ...silentLogger, warn: (message) => void warnings.push(message) },
        createSecret: async (prefill) => void created.push(prefill),
        showHistory: (ref) => void histories.push(ref),
      },
    );
    try {
      const filters: string[] = [];
      hostile.onDidPost((posted) => {
        if (posted.message.type === 'table') {
          filters.push(posted.message.filter);
        }
      });
      await nextTable(hostile, () => true);
      assert.equal(listeners.length, 1, 'the panel listens to its page once');
      const fromPage = async (message: unknown): Promise<void> => {
        await listeners[0]?.(message);
      };
      const bad: unknown[] = [
        null,
        'ready',
        [{ type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: 1 }],
        { type: 'runCommand', command: 'workbench.action.terminal.new' },
        { type: 'setFilter', filter: 'everything' },
        { type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: '1' },
        { type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: -1 },
        { type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: 1.5 },
        { type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: 7 },
        // A cell the page shows as present (prod has DB_URL): nothing to create there.
        { type: 'createHere', variable: 'FLUXBASE_SECRET_DB_URL', column: 1 },
        // A row the page was never shown, with markup and a value smuggled in.
        { type: 'createHere', variable: '<img src=x onerror=alert(1)>', column: 1, value: 'copied-value' },
        { type: 'showHistory', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: 1 },
        { type: 'showHistory', variable: { toString: () => 'FLUXBASE_SECRET_DB_URL' }, column: 0 },
        JSON.parse('{"__proto__": {"type": "createHere"}, "variable": "FLUXBASE_SECRET_STRIPE_KEY", "column": 1}'),
      ];
      for (const message of bad) {
        await fromPage(message);
      }
      assert.deepEqual(created, [], 'no bad message starts the create flow');
      assert.deepEqual(histories, [], 'no bad message opens a history');
      assert.ok(
        filters.every((filter) => filter === 'all'),
        `no bad message changes the filter: ${filters.join(', ')}`,
      );
      assert.equal(warnings.length, bad.length, `each bad message is logged once: ${warnings.join(' | ')}`);
      assert.ok(
        warnings.every((warning) => !warning.includes('copied-value') && !warning.includes('<img')),
        'the log repeats nothing the page sent',
      );

      // The same panel still answers the page's real requests.
      await fromPage({ type: 'createHere', variable: 'FLUXBASE_SECRET_STRIPE_KEY', column: 1, value: 'copied-value' });
      assert.deepEqual(
        created,
        [{ connectionId: 'b', name: 'STRIPE_KEY', scope: 'global', origin: 'compare' }],
        'no value is passed on',
      );
      await fromPage({ type: 'showHistory', variable: 'FLUXBASE_SECRET_DB_URL', column: 1 });
      assert.deepEqual(histories, [{ connectionId: 'b', id: 'id-DB_URL', name: 'DB_URL', scope: 'global' }]);
    } finally {
      hostile.dispose();
    }
  });
});
