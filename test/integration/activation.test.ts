import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readExtensionManifest } from '../support/manifest';

describe('extension activation', () => {
  const manifest = readExtensionManifest();

  it('activates the extension under development', async () => {
    const extension = vscode.extensions.getExtension(manifest.extensionId);
    assert.ok(extension, `${manifest.extensionId} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command package.json contributes', async () => {
    await vscode.extensions.getExtension(manifest.extensionId)?.activate();
    assert.ok(manifest.commandIds.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.commandIds.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `commands declared but not registered: ${missing.join(', ')}`);
  });

  it('tells the extension host where the repository is (FLUXBASE_REPO_ROOT)', () => {
    const extension = vscode.extensions.getExtension(manifest.extensionId);
    assert.ok(process.env.FLUXBASE_REPO_ROOT, 'FLUXBASE_REPO_ROOT is not set in the extension host');
    assert.equal(path.resolve(process.env.FLUXBASE_REPO_ROOT), extension?.extensionUri.fsPath);
  });
});
