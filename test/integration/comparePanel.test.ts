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
});
