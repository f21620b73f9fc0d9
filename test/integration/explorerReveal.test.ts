import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SECRETS_VIEW_ID } from '../../src/core/commandArgument';
import type { CreateSecretResult } from '../../src/core/commands/createSecret';
import type { ExplorerNode } from '../../src/core/explorer/explorerNodes';
import type { FluxbaseSecretsApi } from '../../src/host/extensionApi';
import { pick, text } from '../unit/commands/support/scriptedUserInput';
import { eventually } from './support/eventually';
import { activateExtension, configureConnections, removeConnections } from './support/extensionUnderTest';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';
import { runWithAnswers, signInWithPassword } from './support/scriptedAnswers';

const admin = { email: 'reveal-it@example.com', password: 'reveal-it-password-1' };
const CONNECTION_NAME = 'Reveal IT';

function selectedSecretNames(api: FluxbaseSecretsApi): string[] {
  return api.testing
    .treeSelection()
    .filter((node: ExplorerNode) => node.kind === 'secret')
    .map((node) => node.label);
}

describe('Secrets view reveals what a command created', () => {
  let local: LocalFluxbase;
  let api: FluxbaseSecretsApi;
  let connectionId: string;

  before(async () => {
    // An empty server: Global and Namespaces start with nothing in them.
    local = await startLocalFluxbase('reveal', admin);
    api = await activateExtension();
    connectionId = await configureConnections(api, [{ name: CONNECTION_NAME, url: local.server.url }]);
    await signInWithPassword(api, connectionId, /Sign In to Reveal IT/, admin);
  });

  after(async () => {
    api?.testing.setUserInput(undefined);
    await removeConnections(connectionId);
    await local?.close();
  });

  it('creating the first secret of a new namespace in a collapsed tree from the palette shows it selected', async () => {
    await vscode.commands.executeCommand(`${SECRETS_VIEW_ID}.focus`);
    await eventually('the Secrets view to be on screen', () => api.testing.treeVisible());
    await vscode.commands.executeCommand(`workbench.actions.treeView.${SECRETS_VIEW_ID}.collapseAll`);
    // Another view takes the side bar: the reveal must bring the Secrets view back.
    await vscode.commands.executeCommand('workbench.view.explorer');
    await eventually('the Secrets view to be hidden', () => !api.testing.treeVisible());
    assert.deepEqual(selectedSecretNames(api), []);

    const created = await runWithAnswers<CreateSecretResult>(
      api,
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
