import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { settingsConnectionId } from '../../../src/core/connections/connection';
import type { FluxbaseSecretsApi } from '../../../src/host/extensionApi';
import { readExtensionManifest } from '../../support/manifest';
import { eventually } from './eventually';

/** A connection as the user writes it in `fluxbaseSecrets.connections`. */
export interface ConnectionSetting {
  name: string;
  url: string;
}

/**
 * Activates the extension under development and resolves to the API it
 * exports (its `testing` part included). It exports one only in Test and
 * Development mode; the integration runner loads it in Test mode.
 */
export async function activateExtension(): Promise<FluxbaseSecretsApi> {
  const extension = vscode.extensions.getExtension<FluxbaseSecretsApi | undefined>(readExtensionManifest().extensionId);
  assert.ok(extension, 'the extension under development is loaded');
  const api = await extension.activate();
  assert.ok(api, 'the extension exports its test hooks (it exports nothing in Production mode)');
  return api;
}

/**
 * Writes `connections` as the user's `fluxbaseSecrets.connections` and waits
 * until the first of them is in the store, signed out; resolves to its id.
 */
export async function configureConnections(
  api: FluxbaseSecretsApi,
  connections: readonly [ConnectionSetting, ...ConnectionSetting[]],
): Promise<string> {
  const [first] = connections;
  const connectionId = settingsConnectionId(first.name, first.url);
  await vscode.workspace
    .getConfiguration('fluxbaseSecrets')
    .update('connections', connections, vscode.ConfigurationTarget.Global);
  await eventually(
    `the connection ${first.name} to appear`,
    () => api.store.connection(connectionId)?.status === 'signedOut',
    20_000,
  );
  return connectionId;
}

/** Signs `connectionId` out (when there is one) and removes the user's `fluxbaseSecrets.connections`. */
export async function removeConnections(connectionId: string | undefined): Promise<void> {
  if (connectionId) {
    await vscode.commands.executeCommand('fluxbaseSecrets.signOut', connectionId);
  }
  await vscode.workspace
    .getConfiguration('fluxbaseSecrets')
    .update('connections', undefined, vscode.ConfigurationTarget.Global);
}
