import * as assert from 'node:assert/strict';
import { FluxbaseApiError, type FluxbaseErrorKind } from '../../../src/core/api/fluxbaseApiError';
import type { CommandId } from '../../../src/core/commandIds';
import type { SecretNode } from '../../../src/core/explorer/explorerNodes';
import { ADMIN } from '../explorer/support/fakeFluxbase';
import { choose, pick, text, type Step } from './support/scriptedUserInput';
import { withSecrets } from './support/secretFixture';

const KINDS: FluxbaseErrorKind[] = [
  'auth',
  'forbidden',
  'notFound',
  'conflict',
  'validation',
  'rateLimited',
  'server',
  'network',
  'timeout',
  'malformedResponse',
];

const VALUE = 'value-that-must-not-leak-31337';

interface Case {
  command: CommandId;
  /** The client call that fails. */
  method: string;
  steps: Step[];
  /** Whether the command gets the secret node as its argument. */
  onNode: boolean;
  /** Whether the command needs a signed-in connection (sign-in itself does not). */
  signedIn?: boolean;
}

const CASES: Case[] = [
  {
    command: 'fluxbaseSecrets.createSecret',
    method: 'create',
    onNode: false,
    steps: [
      pick(/Create/, 'Global'),
      text(/Name/, 'NEW'),
      text(/Value/, VALUE),
      text(/Description/, ''),
      text(/Expiry/, ''),
    ],
  },
  {
    command: 'fluxbaseSecrets.updateSecretValue',
    method: 'updateById',
    onNode: true,
    steps: [text(/makes version/, VALUE)],
  },
  {
    command: 'fluxbaseSecrets.editDescription',
    method: 'updateById',
    onNode: true,
    steps: [text(/Description/, 'new')],
  },
  { command: 'fluxbaseSecrets.setExpiry', method: 'updateById', onNode: true, steps: [text(/New expiry/, '1w')] },
  {
    command: 'fluxbaseSecrets.rollbackSecret',
    method: 'rollbackById',
    onNode: true,
    steps: [pick(/Roll Back/, 'v1'), choose(/Roll back/, 'Roll Back')],
  },
  { command: 'fluxbaseSecrets.rollbackSecret', method: 'getVersionsById', onNode: true, steps: [] },
  {
    command: 'fluxbaseSecrets.deleteSecret',
    method: 'deleteById',
    onNode: true,
    steps: [text(/Type A to delete/, 'A')],
  },
  {
    command: 'fluxbaseSecrets.signIn',
    method: 'login',
    onNode: false,
    signedIn: false,
    steps: [pick(/Sign In/, 'Email and Password'), text(/Email/, ADMIN.email), text(/Password/, ADMIN.password)],
  },
  {
    command: 'fluxbaseSecrets.signIn',
    method: 'stats',
    onNode: false,
    signedIn: false,
    steps: [pick(/Sign In/, 'Service Key'), text(/Service key/, 'sk_test_0123456789abcdef')],
  },
];

describe('every server error kind reaches the person once, with the fix', () => {
  for (const testCase of CASES) {
    for (const kind of KINDS) {
      it(`${testCase.command} when ${testCase.method} fails with ${kind}`, async () => {
        const h = await withSecrets([{ partial: { name: 'A' }, versions: 2 }]);
        const connectionId = h.store.connections()[0]!.id;
        if (testCase.signedIn === false) {
          await h.sessions.signOut(h.registry.list()[0]!);
          await h.store.refresh();
          h.credentials.writes.length = 0;
        }
        h.server.failNext(testCase.method, new FluxbaseApiError(kind, `The server said ${kind}`, { status: 599 }));
        h.server.calls.length = 0;
        const input = h.script([...testCase.steps]);
        const node: SecretNode | undefined = h.nodes.get('global/A');
        const result = await h.run(testCase.command, testCase.onNode ? node : undefined);

        input.assertDone();
        assert.equal(result, undefined);
        assert.equal(h.notifier.shown.length, 1, JSON.stringify(h.notifier.shown));
        const [shown] = h.notifier.shown;
        assert.equal(shown?.level, 'error');
        assert.match(shown!.message, new RegExp(`^Could not .*The server said ${kind}`));
        if (kind === 'auth') {
          assert.deepEqual(shown?.actions, ['Sign In']);
          if (testCase.signedIn !== false) {
            assert.equal(h.store.connection(connectionId)?.status, 'sessionExpired');
          }
        } else {
          assert.deepEqual(shown?.actions, ['Show Logs']);
          if (kind === 'network' || kind === 'timeout') {
            assert.match(shown!.message, /Check the URL/);
          }
        }
        const everything = [...h.notifier.shown.map((entry) => entry.message), ...h.logger.lines].join('\n');
        assert.ok(!everything.includes(VALUE), 'the value never reaches a message or the log');
        assert.ok(!everything.includes(ADMIN.password), 'the password never reaches a message or the log');
        if (testCase.signedIn === false) {
          assert.deepEqual(
            h.credentials.writes.filter((write) => write.startsWith('set')),
            [],
            'nothing stored',
          );
        }
      });
    }
  }
});
