import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  parseCommandArgument,
  ranInSecretsView as ranInSecretsViewParsed,
  SECRETS_VIEW_ID,
  SECRETS_VIEW_KEY_ARGUMENT,
} from '../../../src/core/commandArgument';
import { COMMAND_IDS } from '../../../src/core/commandIds';
import type { ExplorerViewPort } from '../../../src/core/commands/explorerViewPort';
import type { ExplorerNode } from '../../../src/core/explorer/explorerNodes';
import type { SecretRef } from '../../../src/shared/secretRef';
import { repoRoot } from '../../support/repoRoot';
import { pick, text } from './support/scriptedUserInput';
import { withSecrets } from './support/secretFixture';

/** A tree view whose focused row the test sets; records reveals. */
function fakeView(focused?: ExplorerNode): ExplorerViewPort & { revealed: { ref: SecretRef; focus: boolean }[] } {
  return {
    revealed: [],
    focusedSecret: async () => (focused?.kind === 'secret' ? focused.ref : undefined),
    async revealSecret(ref, options) {
      this.revealed.push({ ref, focus: options.focus });
    },
  };
}

describe('keys in the Secrets view act on the row the keyboard is on', () => {
  it('Delete on a focused secret row confirms that one and deletes it, without asking which', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }, { partial: { name: 'B' } }]);
    const b = h.nodes.get('global/B')!;
    h.deps.explorerView = fakeView(b);
    const input = h.script([text(/Type B to delete it from global scope/, 'B')]);
    await h.run('fluxbaseSecrets.deleteSecret', SECRETS_VIEW_KEY_ARGUMENT);
    input.assertDone();
    assert.deepEqual(
      h.server.all().map((secret) => secret.name),
      ['A'],
    );
  });

  it('Ctrl+C copies the name of the focused secret and asks nothing', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }, { partial: { name: 'B' } }]);
    h.deps.explorerView = fakeView(h.nodes.get('global/A'));
    const input = h.script([]);
    await h.run('fluxbaseSecrets.copyName', SECRETS_VIEW_KEY_ARGUMENT);
    input.assertDone();
    assert.deepEqual(h.clipboard.texts, ['A']);
  });

  it('with no secret row focused (a namespace row, or nothing), a key falls back to asking which secret', async () => {
    const h = await withSecrets([
      { partial: { name: 'A' } },
      { partial: { name: 'B', scope: 'namespace', namespace: 'ns' } },
    ]);
    const namespaceRow = {
      kind: 'namespace',
      id: 'x',
      connectionId: 'c',
      label: 'ns',
      namespace: 'ns',
      childCount: 0,
      startsCollapsed: false,
      rows: { secrets: [], descriptions: [] },
      children: [],
    };
    for (const selected of [namespaceRow as ExplorerNode, undefined]) {
      h.deps.explorerView = fakeView(selected);
      const input = h.script([pick(/Copy Secret Name/, 'B', ['A', 'B'])]);
      await h.run('fluxbaseSecrets.copyName', SECRETS_VIEW_KEY_ARGUMENT);
      input.assertDone();
    }
    assert.deepEqual(h.clipboard.texts, ['B', 'B']);
  });

  it('from the palette (no argument) asks which secret even while a row is focused', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }, { partial: { name: 'B' } }]);
    h.deps.explorerView = fakeView(h.nodes.get('global/A'));
    const input = h.script([pick(/Copy Secret Name/, 'B', ['A', 'B'])]);
    await h.run('fluxbaseSecrets.copyName');
    input.assertDone();
    assert.deepEqual(h.clipboard.texts, ['B']);
  });

  it('a row passed by a context menu wins over the focused row', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }, { partial: { name: 'B' } }]);
    h.deps.explorerView = fakeView(h.nodes.get('global/A'));
    await h.run('fluxbaseSecrets.copyName', h.nodes.get('global/B'));
    assert.deepEqual(h.clipboard.texts, ['B']);
  });

  it('without a tree (no view port) a key falls back to asking', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }]);
    const input = h.script([pick(/Copy Secret Name/, 'A', ['A'])]);
    await h.run('fluxbaseSecrets.copyName', SECRETS_VIEW_KEY_ARGUMENT);
    input.assertDone();
  });
});

/** The views of the one argument parser that say where a command was run from. */
const isSecretsViewKeyArgument = (arg: unknown) => parseCommandArgument(arg).kind === 'viewKey';
const isTreeNodeArgument = (arg: unknown) => parseCommandArgument(arg).kind === 'treeNode';
const ranInSecretsView = (arg: unknown) => ranInSecretsViewParsed(parseCommandArgument(arg));

describe('where a command was run from', () => {
  it('tells a key in the Secrets view, a tree row, and anything else apart', () => {
    assert.equal(isSecretsViewKeyArgument({ focusedView: SECRETS_VIEW_ID }), true);
    assert.equal(isSecretsViewKeyArgument({ focusedView: 'workbench.explorer.fileView' }), false);
    assert.equal(isSecretsViewKeyArgument(undefined), false);
    assert.equal(isTreeNodeArgument({ kind: 'namespace', namespace: 'ns' }), true);
    assert.equal(isTreeNodeArgument({ name: 'FROM_QUICK_FIX' }), false);
    assert.equal(ranInSecretsView(SECRETS_VIEW_KEY_ARGUMENT), true);
    assert.equal(ranInSecretsView({ kind: 'scope', scope: 'global' }), true);
    assert.equal(ranInSecretsView({ name: 'FROM_QUICK_FIX', value: 'v' }), false);
    assert.equal(ranInSecretsView('connection-id'), false);
  });
});

interface Keybinding {
  command: string;
  key: string;
  mac?: string;
  when?: string;
  args?: unknown;
}

describe('package.json keybindings', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
    contributes: { keybindings?: Keybinding[]; commands: { command: string }[] };
  };
  const keybindings = manifest.contributes.keybindings ?? [];

  it('bind Delete, F2, Ctrl+Enter, Ctrl+C and Shift+Alt+C (Cmd on a Mac) to the secret commands', () => {
    const bound = keybindings.map((binding) => `${binding.key}|${binding.mac ?? ''} ${binding.command}`).sort();
    assert.deepEqual(bound, [
      'cmd+backspace| fluxbaseSecrets.deleteSecret',
      'ctrl+c|cmd+c fluxbaseSecrets.copyName',
      'ctrl+enter|cmd+enter fluxbaseSecrets.showHistory',
      'delete| fluxbaseSecrets.deleteSecret',
      'f2| fluxbaseSecrets.editDescription',
      'shift+alt+c|alt+cmd+c fluxbaseSecrets.copyReference',
    ]);
  });

  it('fire only in the focused Secrets view, never in its filter box, and say so to the command', () => {
    for (const binding of keybindings) {
      const when = binding.when ?? '';
      assert.match(when, new RegExp(`(^|&& )focusedView == ${SECRETS_VIEW_ID.replace(/\./g, '\\.')}( &&|$)`));
      assert.match(when, /(^|&& )!inputFocus( &&|$)/, `${binding.key}: not while typing`);
      assert.deepEqual(binding.args, SECRETS_VIEW_KEY_ARGUMENT, `${binding.key} passes the key argument`);
      const known: readonly string[] = COMMAND_IDS;
      assert.ok(known.includes(binding.command), `${binding.command} exists`);
    }
  });
});
