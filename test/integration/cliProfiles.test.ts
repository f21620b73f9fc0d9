import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { cliConnectionId } from '../../src/core/cliProfiles/cliProfileConnections';
import type { FluxbaseSecretsApi } from '../../src/host/extensionApi';
import { choose, pick } from '../unit/commands/support/scriptedUserInput';
import { eventually } from './support/eventually';
import { extensionLogMatching } from './support/extensionLog';
import { activateExtension } from './support/extensionUnderTest';
import { startLocalFluxbase, type LocalFluxbase } from './support/localFluxbase';
import { runWithAnswers } from './support/scriptedAnswers';

const admin = { email: 'cli-profiles-it@example.com', password: 'cli-profiles-it-password-1' };

function setting(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('fluxbaseSecrets');
}

describe('Fluxbase CLI profiles in VS Code', () => {
  let local: LocalFluxbase;
  let api: FluxbaseSecretsApi;
  let folder: string;
  let configPath: string;
  let session: { access_token: string; refresh_token: string };
  /** The test profile's own value (a file that does not exist), put back afterwards. */
  let originalPath: unknown;

  before(async () => {
    local = await startLocalFluxbase('cli-profiles', admin);
    const login = await local.client.auth.login(admin);
    assert.ok(!login.requires2fa);
    session = login.session;
    api = await activateExtension();
    folder = mkdtempSync(path.join(tmpdir(), 'fluxbase-cli-it-'));
    configPath = path.join(folder, 'config.yaml');
    originalPath = setting().inspect('cliConfigPath')?.globalValue;
    await setting().update('cliConfigPath', configPath, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    api?.testing.setUserInput(undefined);
    await setting().update('cliConfigPath', originalPath, vscode.ConfigurationTarget.Global);
    await setting().update('hiddenCliProfiles', undefined, vscode.ConfigurationTarget.Global);
    rmSync(folder, { recursive: true, force: true });
    await local?.close();
  });

  it('shows a profile written after start-up (a new `fluxbase auth login`) without a reload, and signs in with its tokens', async () => {
    const yaml = [
      'version: "1"',
      'current_profile: it',
      'profiles:',
      '  it:',
      '    name: it',
      `    server: ${local.server.url}`,
      '    credential_store: file',
      '    credentials:',
      `      access_token: ${session.access_token}`,
      `      refresh_token: ${session.refresh_token}`,
      `      expires_at: ${Math.floor(Date.now() / 1000) + 10}`,
      '',
    ].join('\n');
    writeFileSync(configPath, yaml, { mode: 0o600 });
    const id = cliConnectionId('it', local.server.url);
    await eventually('the CLI profile to appear', () => api.store.connection(id)?.status === 'signedOut', 20_000);
    assert.equal(api.testing.connections().find((connection) => connection.id === id)?.name, 'CLI: it');

    await runWithAnswers(
      api,
      [pick(/Use the Fluxbase CLI's sign-in for profile "it"/, "Use the CLI's sign-in")],
      'fluxbaseSecrets.signIn',
      id,
    );
    assert.equal(api.store.connection(id)?.status, 'ready');
    assert.equal(await api.testing.hasStoredCredentials(id), false, 'no token copied into SecretStorage');
    const log = await extensionLogMatching(/Refreshed the CLI's session of "CLI: it"/, 'the refresh in the log');
    assert.match(log, /Signing in to "CLI: it" with the profile's access token, sent as Authorization: Bearer/);
    assert.ok(!log.includes(session.access_token) && !log.includes(session.refresh_token), 'no token in the log');
    assert.equal(readFileSync(configPath, 'utf8'), yaml, "the CLI's file is not written");
  });

  it("never reads a file named by the workspace's settings", async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'the tests run in a workspace');
    const evilPath = path.join(folder, 'evil.yaml');
    writeFileSync(
      evilPath,
      `profiles:\n  evil:\n    server: ${local.server.url}\n    credentials:\n      api_key: x\n`,
    );
    const settingsDir = path.join(workspace.uri.fsPath, '.vscode');
    mkdirSync(settingsDir, { recursive: true });
    writeFileSync(
      path.join(settingsDir, 'settings.json'),
      // A window-scoped setting next to it tells when the editor has read the file.
      JSON.stringify({ 'fluxbaseSecrets.cliConfigPath': evilPath, 'fluxbaseSecrets.diagnostics.include': 'sync/**' }),
    );
    try {
      await eventually(
        'the workspace setting to be read by the editor',
        () => setting().inspect('diagnostics.include')?.workspaceValue === 'sync/**',
      );
      // A change of the user's file that the extension must see: after it, the workspace setting has had its chance.
      writeFileSync(configPath, `${readFileSync(configPath, 'utf8')}  it2:\n    server: ${local.server.url}\n`);
      const names = await eventually('the second profile, or the profile of the workspace’s file', () => {
        const shown = api.testing.connections().map((connection) => connection.name);
        return shown.includes('CLI: it2') || shown.includes('CLI: evil') ? shown : undefined;
      });
      assert.ok(names.includes('CLI: it2') && !names.includes('CLI: evil'), names.join(', '));
    } finally {
      rmSync(settingsDir, { recursive: true, force: true });
    }
  });

  it('hides a profile on Remove Connection, through the user setting only', async () => {
    const id = cliConnectionId('it', local.server.url);
    await runWithAnswers(api, [choose(/Hide "CLI: it"/, 'Hide')], 'fluxbaseSecrets.removeConnection', id);
    assert.deepEqual(setting().inspect('hiddenCliProfiles')?.globalValue, ['it']);
    await eventually('the profile to be hidden', () => api.store.connection(id) === undefined);
    assert.ok(readFileSync(configPath, 'utf8').includes('  it:'), 'the profile is still in the file');
    await setting().update('hiddenCliProfiles', undefined, vscode.ConfigurationTarget.Global);
    await eventually('the profile to show again', () => api.store.connection(id)?.status !== undefined);
  });
});
