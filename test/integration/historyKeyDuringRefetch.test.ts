import * as vscode from 'vscode';
import { SECRETS_VIEW_ID, SECRETS_VIEW_KEY_ARGUMENT } from '../../src/core/commandArgument';
import type { FluxbaseSecretsApi } from '../../src/host/extensionApi';
import { pick, text } from '../unit/commands/support/scriptedUserInput';
import { eventually } from './support/eventually';
import { activateExtension, configureConnections, removeConnections } from './support/extensionUnderTest';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';
import { runWithAnswers, signInWithPassword } from './support/scriptedAnswers';

const admin = { email: 'refetch-it@example.com', password: 'refetch-it-password-1' };

function historyTabs(name: string): number {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.label.startsWith(`History: ${name} (`)).length;
}

// RELIABILITY.md, "The first history opening": a refresh of the whole tree makes VS Code's extension host forget
// every row until the workbench has fetched them again, while the workbench keeps the row selected. A key's
// command run in that moment reads an empty selection; it must wait for the row, not ask which secret.
describe('Ctrl+Enter on the selected row while VS Code fetches the tree again', () => {
  let local: LocalFluxbase;
  let api: FluxbaseSecretsApi;
  let connectionId: string;

  before(async () => {
    local = await startLocalFluxbase('refetch', admin);
    api = await activateExtension();
    connectionId = await configureConnections(api, [{ name: 'Refetch IT', url: local.server.url }]);
    await signInWithPassword(api, connectionId, /Sign In to Refetch IT/, admin);
  });

  after(async () => {
    api?.testing.setUserInput(undefined);
    await removeConnections(connectionId);
    await local?.close();
  });

  let attempt = 0;

  it('opens the history of the selected row although the extension host has just forgotten it', async () => {
    // A new name on a retry: the first attempt's secret exists.
    const name = `BY_KEY_${++attempt}`;
    const namespace = `refetch-ns-${attempt}`;
    await vscode.commands.executeCommand(`${SECRETS_VIEW_ID}.focus`);
    await eventually('the Secrets view to be on screen', () => api.testing.treeVisible());
    // Created by a key in the view (as Ctrl+N would): the new row is revealed, selected and focused, so that the
    // key below acts on it (a key's command takes the focused row; a row revealed without focus leaves the
    // keyboard focus wherever an earlier suite left it).
    await runWithAnswers(
      api,
      [
        pick(/Who gets the secret/, 'Namespace'),
        pick(/namespace/, '$(add) Another namespace…'),
        text(/Namespace name/, namespace),
        text(new RegExp(`Name of the secret in namespace ${namespace}`), name),
        text(new RegExp(`Value of ${name}`), 'by-key-value', { password: true }),
        text(/Description/, ''),
        text(/Expiry/, ''),
      ],
      'fluxbaseSecrets.createSecret',
      SECRETS_VIEW_KEY_ARGUMENT,
    );
    await eventually(`${name} to be selected`, () =>
      api.testing.treeSelection().some((node) => node.kind === 'secret' && node.label === name),
    );

    // A change elsewhere, then Refresh: the tree is redrawn from its root.
    await local.client.secrets.create({ name: `ANOTHER_KEY_${attempt}`, value: 'x' });
    await vscode.commands.executeCommand('fluxbaseSecrets.refresh');
    // VS Code forgets the rows when its 200 ms debounce lets the refresh through, and knows them again once the
    // workbench has fetched them: watched every millisecond, so that the command below runs inside that moment.
    await eventually(
      'VS Code to forget the selected row for a moment',
      () => api.testing.treeSelection().length === 0,
      3_000,
      1,
    );

    // No question is scripted: asking which secret fails the run.
    await runWithAnswers(api, [], 'fluxbaseSecrets.showHistory', SECRETS_VIEW_KEY_ARGUMENT);
    await eventually(`the history tab of ${name}`, () => historyTabs(name) === 1);
  });
});
