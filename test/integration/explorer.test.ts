import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FluxbaseApiError } from '../../src/core/api/fluxbaseApiError';
import type { FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import type { CreateSecretResult } from '../../src/core/commands/createSecret';
import type { ExplorerNode, SecretNode } from '../../src/core/explorer/explorerNodes';
import type { FluxbaseSecretsApi } from '../../src/host/extensionApi';
import { choose, pick, text } from '../unit/commands/support/scriptedUserInput';
import { activateExtension, configureConnections, removeConnections } from './support/extensionUnderTest';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';
import { runWithAnswers, signInWithPassword } from './support/scriptedAnswers';

const admin = { email: 'explorer-it@example.com', password: 'explorer-it-password-1' };
const CONNECTION_NAME = 'Explorer IT';

function childrenOf(node: ExplorerNode | undefined): ExplorerNode[] {
  assert.ok(node && 'children' in node, `${node?.label ?? 'node'} has children`);
  return node.children;
}

function child(node: ExplorerNode | undefined, label: string): ExplorerNode {
  const found = childrenOf(node).find((candidate) => candidate.label === label);
  assert.ok(found, `${node?.label} has a child ${label}`);
  return found;
}

describe('secrets explorer in VS Code', () => {
  let local: LocalFluxbase;
  let client: FluxbaseClient;
  let api: FluxbaseSecretsApi;
  let connectionId: string;

  function root(): ExplorerNode {
    const found = api.testing.tree().find((node) => node.connectionId === connectionId);
    assert.ok(found, 'the connection is a root of the tree');
    return found;
  }

  before(async () => {
    local = await startLocalFluxbase('explorer', admin);
    client = local.client;
    await client.secrets.create({ name: 'IT_GLOBAL', value: 'global-value', description: 'seeded global' });
    await client.secrets.create({ name: 'IT_NS_KEY', value: 'ns-value', scope: 'namespace', namespace: 'it-ns' });

    api = await activateExtension();
    connectionId = await configureConnections(api, [{ name: CONNECTION_NAME, url: local.server.url }]);
  });

  after(async () => {
    api?.testing.setUserInput(undefined);
    await removeConnections(connectionId);
    await local?.close();
  });

  it('shows a connection that is not signed in with a sign-in node', () => {
    const connection = root();
    assert.equal(api.testing.treeItem(connection).contextValue, 'connection.signedOut');
    const [message] = childrenOf(connection);
    assert.equal(message?.kind, 'message');
    assert.equal(api.testing.treeItem(message!).command?.command, 'fluxbaseSecrets.signIn');
  });

  it('signs in with email and password through the sign-in command and shows the server’s secrets by scope', async () => {
    await signInWithPassword(api, connectionId, /Sign In to Explorer IT/, admin);
    assert.equal(await api.testing.hasStoredCredentials(connectionId), true, 'the session is in SecretStorage');

    const connection = root();
    const connectionItem = api.testing.treeItem(connection);
    assert.equal(connectionItem.contextValue, 'connection.signedIn');
    assert.equal(connectionItem.description, '2 secrets');
    assert.deepEqual(
      childrenOf(connection).map((node) => node.label),
      ['Global', 'Namespaces'],
    );
    const global = child(connection, 'Global');
    assert.equal(api.testing.treeItem(global).contextValue, 'scope.global');
    const secret = child(global, 'IT_GLOBAL') as SecretNode;
    const item = api.testing.treeItem(secret);
    assert.equal(item.contextValue, 'secret');
    assert.equal(item.description, 'v1');
    assert.equal(item.tooltip, undefined, 'the tooltip is built on hover, not with the tree');
    const hovered = api.testing.resolvedTreeItem(secret);
    assert.ok(hovered.tooltip instanceof vscode.MarkdownString);
    assert.match(hovered.tooltip.value, /`FLUXBASE_SECRET_IT_GLOBAL`/);
    assert.deepEqual(hovered.tooltip.isTrusted, {
      enabledCommands: ['fluxbaseSecrets.showHistory', 'fluxbaseSecrets.updateSecretValue'],
    });
    const namespace = child(child(connection, 'Namespaces'), 'it-ns');
    assert.equal(api.testing.treeItem(namespace).contextValue, 'namespace');
    assert.deepEqual(
      childrenOf(namespace).map((node) => node.label),
      ['IT_NS_KEY'],
    );
  });

  it('creates, updates, rolls back and deletes a secret through the registered commands', async () => {
    const created = await runWithAnswers<CreateSecretResult>(
      api,
      [
        pick(/Create Secret/, 'Global'),
        text(/Name of the secret globally/, 'IT_CYCLE'),
        text(/Value of IT_CYCLE/, 'first-value', { password: true }),
        text(/Description/, 'made by the integration test'),
        text(/Expiry/, ''),
      ],
      'fluxbaseSecrets.createSecret',
      { connectionId },
    );
    assert.equal(created.connectionId, connectionId);
    assert.equal((await client.secrets.getById(created.secret.id)).description, 'made by the integration test');
    const inTree = (): SecretNode | undefined =>
      childrenOf(child(root(), 'Global')).find((node) => node.label === 'IT_CYCLE') as SecretNode | undefined;
    assert.ok(inTree(), 'the new secret is in the tree at once');

    const ref = { connectionId, id: created.secret.id, name: 'IT_CYCLE', scope: 'global' as const };
    await runWithAnswers(
      api,
      [text(/cannot be shown.*version 2/, 'second-value', { password: true })],
      'fluxbaseSecrets.updateSecretValue',
      ref,
    );
    assert.equal((await client.secrets.getById(ref.id)).version, 2);
    assert.equal(inTree()?.description, 'v2');

    await runWithAnswers(
      api,
      [pick(/Roll Back IT_CYCLE \(now v2\)/, 'v1', ['v1']), choose(/Roll back "IT_CYCLE" to version 1\?/, 'Roll Back')],
      'fluxbaseSecrets.rollbackSecret',
      inTree(),
    );
    assert.deepEqual(
      (await client.secrets.getVersionsById(ref.id)).map((version) => version.version),
      [3, 2, 1],
    );
    assert.equal(inTree()?.description, 'v3');

    await runWithAnswers(
      api,
      [choose(/Delete the secret "IT_CYCLE" from global scope/, 'Delete', /FLUXBASE_SECRET_IT_CYCLE will fail/)],
      'fluxbaseSecrets.deleteSecret',
      inTree(),
    );
    await assert.rejects(client.secrets.getById(ref.id), (error: unknown) => FluxbaseApiError.is(error, 'notFound'));
    assert.equal(inTree(), undefined, 'the tree no longer shows it');
  });

  it('signing out removes the credentials from SecretStorage and shows the connection signed out', async () => {
    assert.equal(await api.testing.hasStoredCredentials(connectionId), true);
    await vscode.commands.executeCommand('fluxbaseSecrets.signOut', connectionId);
    assert.equal(await api.testing.hasStoredCredentials(connectionId), false);
    assert.equal(api.store.clientFor(connectionId), undefined);
    assert.equal(api.store.connection(connectionId)?.status, 'signedOut');
    assert.equal(api.testing.treeItem(root()).contextValue, 'connection.signedOut');
  });
});
