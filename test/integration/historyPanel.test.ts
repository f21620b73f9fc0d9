import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import type { SecretRef } from '../../src/shared/secretRef';
import type { HistorySource } from '../../src/core/history/historySource';
import { silentLogger } from '../../src/shared/logger';
import type { PostedHistoryMessage } from '../../src/host/history/historyPanel';
import { HistoryPanels } from '../../src/host/history/historyPanels';
import type { HostToWebviewMessage } from '../../src/shared/historyProtocol';
import { readExtensionManifest } from '../support/manifest';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';

type HistoryMessage = Extract<HostToWebviewMessage, { type: 'history' }>;

const admin = { email: 'history-it@example.com', password: 'history-it-password-1' };

/** Resolves with the first event that matches, or rejects after `ms` with what was seen. */
function nextMatching<T>(event: vscode.Event<T>, match: (value: T) => boolean, ms = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const seen: T[] = [];
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no matching event within ${ms} ms; saw ${JSON.stringify(seen)}`));
    }, ms);
    const subscription = event((value) => {
      seen.push(value);
      if (match(value)) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      }
    });
  });
}

function isDeliveredHistory(posted: PostedHistoryMessage): boolean {
  return posted.delivered && posted.message.type === 'history' && posted.message.pendingRollback === undefined;
}

/** A HistorySource straight over a signed-in client; the explorer's store is not involved here. */
function clientSource(client: FluxbaseClient): HistorySource {
  return {
    getSecret: (ref) => client.secrets.getById(ref.id),
    getVersions: (ref) => client.secrets.getVersionsById(ref.id),
    rollback: (ref, version) => client.secrets.rollbackById(ref.id, version),
    onDidChange: () => ({ dispose: () => undefined }),
    isSignedIn: () => true,
    refresh: () => undefined,
  };
}

describe('version-history panel in VS Code', () => {
  let local: LocalFluxbase;
  let client: FluxbaseClient;
  let panels: HistoryPanels;
  let ref: SecretRef;

  before(async () => {
    local = await startLocalFluxbase('history', admin);
    client = local.client;
    const created = await client.secrets.create({
      name: 'HISTORY_IT_KEY',
      value: 'first',
      description: 'three versions',
    });
    await client.secrets.updateById(created.id, { value: 'second' });
    await client.secrets.updateById(created.id, { value: 'third' });
    ref = { connectionId: 'history-it', id: created.id, name: created.name, scope: 'global' };
    const extension = vscode.extensions.getExtension(readExtensionManifest().extensionId);
    assert.ok(extension, 'the extension under development is loaded');
    panels = new HistoryPanels(extension.extensionUri, {
      source: clientSource(client),
      logger: silentLogger,
      confirmRollback: async () => true,
    });
  });

  after(async () => {
    panels?.dispose();
    await local?.close();
  });

  it('opens the panel of a secret with three versions and its page receives them, newest first', async () => {
    panels.show(ref);
    const panel = panels.panelFor(ref);
    assert.ok(panel, 'a panel is open for the secret');
    // Only a page whose script ran under the CSP says ready, and only then does the host post the history.
    const posted = await nextMatching(panel.onDidPost, isDeliveredHistory);
    const { view } = posted.message as HistoryMessage;
    assert.deepEqual(
      view.versions.map((row) => [row.version, row.isCurrent]),
      [
        [3, true],
        [2, false],
        [1, false],
      ],
    );
    assert.equal(view.variableName, 'FLUXBASE_SECRET_HISTORY_IT_KEY');
    assert.equal(view.description, 'three versions');
    assert.doesNotMatch(JSON.stringify(posted.message), /"(first|second|third)"/, 'no value reaches the page');
  });

  it('reveals the open panel instead of opening a second one for the same secret', async () => {
    const first = panels.panelFor(ref);
    panels.show(ref);
    assert.equal(panels.panelFor(ref), first);
    const historyTabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.label === 'History: HISTORY_IT_KEY');
    assert.equal(historyTabs.length, 1);
  });
});
