import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import type { CreateSecretResult } from '../../../src/core/commands/createSecret';
import type { ExplorerViewPort } from '../../../src/core/commands/explorerViewPort';
import { findSecretNode } from '../../../src/core/commands/findSecretNode';
import type { ExplorerNode } from '../../../src/core/explorer/explorerNodes';
import { secretRefOf } from '../../../src/core/explorer/secretRef';
import { type SecretRef } from '../../../src/shared/secretRef';
import { buildExplorerTree } from '../../../src/core/explorer/treeModel';
import { NOW } from '../explorer/support/fakeFluxbase';
import { commandHarness } from './support/commandHarness';
import { CANCEL, pick, text, type Step } from './support/scriptedUserInput';

/** Records each reveal, with whether the store already listed the secret at that moment. */
function recordingView(h: ReturnType<typeof commandHarness>) {
  const revealed: { ref: SecretRef; focus: boolean; listed: boolean }[] = [];
  const view: ExplorerViewPort = {
    focusedSecret: async () => undefined,
    revealSecret: async (ref, options) => {
      const listed = h.store.secretsFor(ref.connectionId).some((secret) => secret.id === ref.id);
      revealed.push({ ref, focus: options.focus, listed });
    },
  };
  h.deps.explorerView = view;
  return revealed;
}

const afterName: Step[] = [text(/Value of NEW_KEY/, 'v4lue-canary'), text(/Description/, ''), text(/Expiry/, '')];

async function signedIn() {
  const h = commandHarness();
  h.server.seed({ name: 'OTHER', scope: 'namespace', namespace: 'jobs' }, 'x', 1);
  await h.signIn();
  return h;
}

function namespaceNode(h: ReturnType<typeof commandHarness>, namespace: string): ExplorerNode {
  const find = (nodes: readonly ExplorerNode[]): ExplorerNode | undefined => {
    for (const node of nodes) {
      if (node.kind === 'namespace' && node.namespace === namespace) {
        return node;
      }
      const found = 'children' in node ? find(node.children) : undefined;
      if (found) {
        return found;
      }
    }
    return undefined;
  };
  const node = find(buildExplorerTree(h.store.connections(), { now: NOW }));
  assert.ok(node, `the tree has namespace ${namespace}`);
  return node;
}

describe('Create Secret reveals the new secret in the tree', () => {
  it('from the palette: reveals and selects it once the store lists it, keeping focus where it was', async () => {
    const h = await signedIn();
    const revealed = recordingView(h);
    h.script([pick(/Create Secret/, 'Global'), text(/Name of the secret/, 'NEW_KEY'), ...afterName]);
    const result = (await h.run('fluxbaseSecrets.createSecret')) as CreateSecretResult;
    assert.deepEqual(revealed, [{ ref: secretRefOf(result.connectionId, result.secret), focus: false, listed: true }]);
  });

  it('from a namespace row of the tree: reveals it and moves focus into the tree', async () => {
    const h = await signedIn();
    const revealed = recordingView(h);
    h.script([text(/Name of the secret in namespace jobs/, 'NEW_KEY'), ...afterName]);
    const result = (await h.run('fluxbaseSecrets.createSecret', namespaceNode(h, 'jobs'))) as CreateSecretResult;
    assert.deepEqual(
      h.notifier.shown.filter((shown) => shown.level === 'error'),
      [],
    );
    assert.equal(result.secret.namespace, 'jobs');
    assert.deepEqual(
      revealed.map(({ ref, focus }) => ({ id: ref.id, namespace: ref.namespace, focus })),
      [{ id: result.secret.id, namespace: 'jobs', focus: true }],
    );
  });

  it('from code (the quick fix or Move to Fluxbase Secret): reveals it without taking focus from the editor', async () => {
    const h = await signedIn();
    const revealed = recordingView(h);
    // The name from the code is taken as it is (issue #16): no name question.
    h.script([pick(/Create Secret/, 'Global'), text(/Description/, ''), text(/Expiry/, '')]);
    await h.run('fluxbaseSecrets.createSecret', { name: 'NEW_KEY', value: 'from-the-code' });
    assert.deepEqual(
      revealed.map(({ ref, focus }) => ({ name: ref.name, focus })),
      [{ name: 'NEW_KEY', focus: false }],
    );
  });

  it('reveals nothing when creating is cancelled or refused', async () => {
    const h = await signedIn();
    const revealed = recordingView(h);
    h.script([pick(/Create Secret/, 'Global'), text(/Name of the secret/, CANCEL)]);
    await h.run('fluxbaseSecrets.createSecret');
    h.server.failNext('create', new FluxbaseApiError('conflict', 'Secret already exists (409)', { status: 409 }));
    h.script([pick(/Create Secret/, 'Global'), text(/Name of the secret/, 'NEW_KEY'), ...afterName]);
    await h.run('fluxbaseSecrets.createSecret');
    assert.deepEqual(revealed, []);
  });
});

describe('findSecretNode', () => {
  it('finds a secret by connection and server id, not by name', async () => {
    const h = await signedIn();
    const roots = buildExplorerTree(h.store.connections(), { now: NOW });
    const listed = h.store.secretsFor(h.store.connections()[0]!.id)[0]!;
    const ref = secretRefOf(h.store.connections()[0]!.id, listed);
    assert.equal(findSecretNode(roots, ref)?.ref.id, listed.id);
    assert.equal(findSecretNode(roots, { ...ref, id: 'another-id' }), undefined, 'same name, another secret');
    assert.equal(findSecretNode(roots, { ...ref, connectionId: 'elsewhere' }), undefined, 'another connection');
  });
});
