import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readExtensionManifest } from '../support/manifest';
import { activateBundleCopy, type BundleCopyActivation } from './support/bundleCopyActivation';
import { activateExtension } from './support/extensionUnderTest';

/*
 * Other extensions can read what activate() returns. The test hooks let a
 * caller answer our input boxes (and so receive passwords, keys and values)
 * and reach the store, so an installed extension (Production mode) must
 * export nothing (issue 12, item 2). The running instance cannot be activated
 * again in another mode, so a fresh copy of the bundle is activated beside
 * it with a context of the mode under test.
 */
describe('Extension exports by mode (issue 12)', () => {
  const manifest = readExtensionManifest();
  let copy: BundleCopyActivation | undefined;

  afterEach(() => {
    copy?.dispose();
    copy = undefined;
  });

  function runCopy(mode: vscode.ExtensionMode): BundleCopyActivation {
    const extension = vscode.extensions.getExtension(manifest.extensionId);
    assert.ok(extension, 'the extension under development is loaded');
    copy = activateBundleCopy(extension, mode);
    const missing = manifest.commandIds.filter((id) => !copy?.registeredIds.includes(id));
    assert.deepEqual(missing, [], 'the copy activated completely (every command registered)');
    return copy;
  }

  it('in Production mode, activate() runs completely and returns nothing', () => {
    const { exports } = runCopy(vscode.ExtensionMode.Production);

    const exported = typeof exports === 'object' && exports !== null ? Object.keys(exports) : [];
    assert.deepEqual(exported, [], 'activate() exports nothing');
    assert.equal(typeof exports, 'undefined');
  });

  for (const mode of [vscode.ExtensionMode.Test, vscode.ExtensionMode.Development]) {
    it(`in ${vscode.ExtensionMode[mode]} mode, activate() returns the store and the test hooks`, () => {
      const { exports } = runCopy(mode);

      const api = exports as { store?: unknown; testing?: { setUserInput?: unknown } } | undefined;
      assert.ok(api?.store, 'the store is exported');
      assert.equal(typeof api?.testing?.setUserInput, 'function');
    });
  }

  it('the instance the runner loads (Test mode) exports the hooks the other suites drive it with', async () => {
    const api = await activateExtension();

    assert.equal(typeof api.testing.setUserInput, 'function');
  });
});
