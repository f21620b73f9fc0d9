/**
 * Client faults up to the tree (issue 9, "no half-updated tree"): the
 * explorer's real store, sessions and API client against a misbehaving
 * server. The client-level errors are covered in test/unit/client/faults;
 * this checks what the person sees: during a failing refresh the tree keeps
 * the whole previous list, after it the connection shows one error (or
 * sign-in) node and no secret at all, never part of a list, and the next
 * good answer brings the whole list back.
 */
import * as assert from 'node:assert/strict';
import { createClient, type FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { ConnectionSessions } from '../../../src/core/connections/connectionSessions';
import type { StoredCredentials } from '../../../src/core/connections/credentialStore';
import type { ExplorerNode } from '../../../src/core/explorer/explorerNodes';
import { SecretsStore } from '../../../src/core/explorer/secretsStore';
import { buildExplorerTree } from '../../../src/core/explorer/treeModel';
import { answers, FaultyServer } from '../../support/faultyServer';
import { summaryBody } from '../client/fixtures';
import { FakeRegistry, MemoryCredentialStore, RecordingLogger, settingsConnection } from '../explorer/support/fakes';

const LIST = [
  summaryBody({ id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', name: 'ALPHA', scope: 'global', namespace: undefined }),
  summaryBody({ id: '3f2504e0-4f89-41d3-9a0c-0305e82c3302', name: 'BETA', namespace: 'payments' }),
];

type Mode = 'ok' | 'reset' | 'slow' | 'html500' | 'truncated' | 'wrongShape' | 'rateLimited' | 'expired';

/** Every secret name the tree shows, depth first. */
function secretNames(nodes: readonly ExplorerNode[]): string[] {
  return nodes.flatMap((node) =>
    node.kind === 'secret' ? [node.label] : 'children' in node ? secretNames(node.children) : [],
  );
}

function messageKinds(nodes: readonly ExplorerNode[]): string[] {
  return nodes.flatMap((node) =>
    node.kind === 'message' ? [node.action ?? 'none'] : 'children' in node ? messageKinds(node.children) : [],
  );
}

describe('Client faults up to the tree (issue 9): a failing refresh never leaves a half-updated tree', function () {
  this.timeout(30_000);
  let server: FaultyServer;
  let mode: Mode = 'ok';
  let store: SecretsStore<FluxbaseClient>;
  let sessions: ConnectionSessions<FluxbaseClient>;
  const unhandled: unknown[] = [];
  const recordUnhandled = (reason: unknown): void => void unhandled.push(reason);
  const credentials = new MemoryCredentialStore();

  before(async () => {
    process.on('unhandledRejection', recordUnhandled);
    server = await FaultyServer.start((request, response) => {
      if (request.url === '/dashboard/auth/refresh') {
        return answers.json(response, 401, { code: 401, error: 'Invalid or expired refresh token' });
      }
      const scripted: Record<Mode, () => void> = {
        ok: () => answers.json(response, 200, LIST),
        reset: () => response.socket?.destroy(),
        slow: () => answers.never(),
        html500: () => answers.text(response, 500, 'text/html', '<h1>Bad Gateway</h1>'),
        truncated: () => answers.text(response, 200, 'application/json', JSON.stringify(LIST).slice(0, 90)),
        wrongShape: () => answers.json(response, 200, [LIST[0], { ...LIST[1], version: 'two' }]),
        rateLimited: () => answers.json(response, 429, { error: 'Rate limit exceeded' }, { 'retry-after': '0' }),
        expired: () => answers.json(response, 401, { error: 'Invalid or expired Bearer token' }),
      };
      scripted[mode]();
    });
    const connection = settingsConnection('Faulty', server.url);
    const session: StoredCredentials = { type: 'session', accessToken: 'token', refreshToken: 'refresh' };
    await credentials.set(connection.id, session);
    sessions = new ConnectionSessions<FluxbaseClient>({
      createClient: (target) =>
        createClient({ url: target.url, timeoutMs: 400, retry: { attempts: 1, baseDelayMs: 5 } }),
      credentials,
      logger: new RecordingLogger(),
    });
    store = new SecretsStore<FluxbaseClient>({
      registry: new FakeRegistry([connection]),
      sessions,
      clock: { now: () => Date.parse('2026-05-01T00:00:00Z') },
      logger: new RecordingLogger(),
    });
  });

  after(async () => {
    store.dispose();
    sessions.dispose();
    await server.stop();
    process.off('unhandledRejection', recordUnhandled);
    assert.deepEqual(unhandled, [], 'no unhandled rejection');
  });

  const tree = () => buildExplorerTree(store.connections(), { now: Date.parse('2026-05-01T00:00:00Z') });

  async function refreshWith(fault: Mode): Promise<{ during: string[]; after: ReturnType<typeof tree> }> {
    mode = 'ok';
    await store.refresh();
    assert.deepEqual(secretNames(tree()), ['ALPHA', 'BETA'], 'the whole list before the fault');
    mode = fault;
    const refreshing = store.refresh();
    const during = secretNames(tree());
    await refreshing;
    return { during, after: tree() };
  }

  const faults: [Mode, string, string][] = [
    ['reset', 'error', 'refresh'],
    ['slow', 'error', 'refresh'],
    ['html500', 'error', 'refresh'],
    ['truncated', 'error', 'refresh'],
    ['wrongShape', 'error', 'refresh'],
    ['rateLimited', 'error', 'refresh'],
    ['expired', 'sessionExpired', 'signIn'],
  ];
  for (const [fault, status, action] of faults) {
    const recovery = fault === 'expired' ? 'sign-in is offered' : 'the next good answer shows the whole list again';
    it(`${fault}: the whole list while it runs, then one ${action} node and no secret; ${recovery}`, async () => {
      const { during, after } = await refreshWith(fault);

      assert.deepEqual(during, ['ALPHA', 'BETA'], 'the previous list stays while the refresh runs');
      assert.equal(store.connection(after[0]?.connectionId ?? '')?.status, status);
      assert.deepEqual(secretNames(after), [], 'no secret from a failed answer, not even the valid part');
      assert.deepEqual(messageKinds(after), [action]);

      if (fault !== 'expired') {
        mode = 'ok';
        await store.refresh();
        assert.deepEqual(secretNames(tree()), ['ALPHA', 'BETA'], 'the whole list once the server answers again');
      }
    });
  }
});
