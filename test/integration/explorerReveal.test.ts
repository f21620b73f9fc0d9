import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startServer, type RunningServer } from '../../server/startServer';
import { SECRETS_VIEW_ID } from '../../src/core/commands/commandOrigin';
import type { CreateSecretResult } from '../../src/core/commands/createSecret';
import { settingsConnectionId } from '../../src/core/connections/connection';
import type { ExplorerNode } from '../../src/core/explorer/explorerNodes';
import type { FluxbaseSecretsApi } from '../../src/host/extensionApi';
import { readExtensionManifest } from '../support/manifest';
import { pick, ScriptedUserInput, text, type Step } from '../unit/commands/support/scriptedUserInput';

const admin = { email: 'reveal-it@example.com', password: 'reveal-it-password-1' };
const CONNECTION_NAME = 'Reveal IT';

/** Polls `check` until it holds; fails with `what` after `ms`. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function selectedSecretNames(api: FluxbaseSecretsApi): string[] {
  return api.testing
    .treeSelection()
    .filter((node: ExplorerNode) => node.kind === 'secret')
    .map((node) => node.label);
}

describe('Secrets view reveals what a command created', () => {
  let dataDir: string;
  let server: RunningServer;
  let api: FluxbaseSecretsApi;
  let connectionId: string;

  async function withAnswers<T>(steps: Step[], command: string, arg?: unknown): Promise<T> {
    const input = new ScriptedUserInput(steps);
    api.testing.setUserInput(input);
    try {
      const result = await vscode.commands.executeCommand<T>(command, arg);
      input.assertDone();
      return result;
    } finally {
      api.testing.setUserInput(undefined);
    }
  }

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fluxbase-reveal-it-'));
    // An empty server: Global and Namespaces start with nothing in them.
    server = await startServer({ dataDir, port: 0, admin, log: () => undefined });
    const extension = vscode.extensions.getExtension<FluxbaseSecretsApi>(readExtensionManifest().extensionId);
    assert.ok(extension, 'the extension under development is loaded');
    api = await extension.activate();
    connectionId = settingsConnectionId(CONNECTION_NAME, server.url);
    await vscode.workspace
      .getConfiguration('fluxbaseSecrets')
      .update('connections', [{ name: CONNECTION_NAME, url: server.url }], vscode.ConfigurationTarget.Global);
    await eventually('the connection to appear', () => api.store.connection(connectionId)?.status === 'signedOut');
    await withAnswers(
      [
        pick(/Sign In to Reveal IT/, 'Email and Password'),
        text(/Email/, admin.email),
        text(/Password/, admin.password, { password: true }),
      ],
      'fluxbaseSecrets.signIn',
      connectionId,
    );
    assert.equal(api.store.connection(connectionId)?.status, 'ready');
  });

  after(async () => {
    api?.testing.setUserInput(undefined);
    await vscode.commands.executeCommand('fluxbaseSecrets.signOut', connectionId);
    await vscode.workspace
      .getConfiguration('fluxbaseSecrets')
      .update('connections', undefined, vscode.ConfigurationTarget.Global);
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creating the first secret of a new namespace in a collapsed tree from the palette shows it selected', async () => {
    await vscode.commands.executeCommand(`${SECRETS_VIEW_ID}.focus`);
    await eventually('the Secrets view to be on screen', () => api.testing.treeVisible());
    await vscode.commands.executeCommand(`workbench.actions.treeView.${SECRETS_VIEW_ID}.collapseAll`);
    // Another view takes the side bar: the reveal must bring the Secrets view back.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await eventually('the Secrets view to be hidden', () => !api.testing.treeVisible());
    assert.deepEqual(selectedSecretNames(api), []);

    const created = await withAnswers<CreateSecretResult>(
      [
        pick(/Who gets the secret/, 'Namespace'),
        pick(/namespace/, '$(add) Another namespace…'),
        text(/Namespace name/, 'fresh-ns'),
        text(/Name of the secret in namespace fresh-ns/, 'REVEALED_KEY'),
        text(/Value of REVEALED_KEY/, 'reveal-value', { password: true }),
        text(/Description/, ''),
        text(/Expiry/, ''),
      ],
      'fluxbaseSecrets.createSecret',
    );
    assert.equal(created.secret.name, 'REVEALED_KEY');
    await eventually('the new secret to be selected in a visible tree', () => {
      return api.testing.treeVisible() && selectedSecretNames(api).includes('REVEALED_KEY');
    });
    const [selected] = api.testing.treeSelection();
    assert.equal(selected?.kind === 'secret' && selected.ref.id, created.secret.id);
  });
});
