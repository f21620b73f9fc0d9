import * as assert from 'node:assert/strict';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import type { CommandId } from '../../../src/core/commandIds';
import { SECRETS_VIEW_KEY_ARGUMENT } from '../../../src/core/commandArgument';
import type { ExplorerViewPort } from '../../../src/core/commands/explorerViewPort';
import type { SecretRef } from '../../../src/shared/secretRef';
import { CANCEL, choose, pick, text, type Step } from './support/scriptedUserInput';
import { withSecrets } from './support/secretFixture';

type Harness = Awaited<ReturnType<typeof withSecrets>>;

/** What the tree was asked to reveal, and what the store listed for that secret at that moment. */
interface Revealed {
  name: string;
  id: string;
  focus: boolean;
  listed: { version: number; description?: string } | undefined;
}

/** An ExplorerViewPort that records reveals; `focused` is the row the keyboard is on. */
function recordingView(h: Harness, focused?: SecretRef): Revealed[] {
  const revealed: Revealed[] = [];
  const view: ExplorerViewPort = {
    focusedSecret: async () => focused,
    revealSecret: async (ref, options) => {
      const secret = h.store.secretsFor(ref.connectionId).find((listed) => listed.id === ref.id);
      revealed.push({
        name: ref.name,
        id: ref.id,
        focus: options.focus,
        listed: secret && {
          version: secret.version,
          ...(secret.description ? { description: secret.description } : {}),
        },
      });
    },
  };
  h.deps.explorerView = view;
  return revealed;
}

/** One command that changes an existing secret, scripted for the secret `A` (seeded with two versions). */
interface ChangeCommand {
  id: CommandId;
  /** The title of the palette's "which secret?" pick. */
  pickTitle: RegExp;
  /** The answers once the secret is known. */
  answers: Step[];
  /** Answers that cancel at the last question. */
  cancelled: Step[];
  /** The write that fails in the refused case. */
  write: 'updateById' | 'rollbackById';
  /** What the store lists for `A` once the change is saved. */
  after: { version: number; description?: string };
}

const COMMANDS: ChangeCommand[] = [
  {
    id: 'fluxbaseSecrets.updateSecretValue',
    pickTitle: /Update Secret Value/,
    answers: [text(/makes version 3/, 'new-value-canary-reveal')],
    cancelled: [text(/makes version 3/, CANCEL)],
    write: 'updateById',
    after: { version: 3 },
  },
  {
    id: 'fluxbaseSecrets.rollbackSecret',
    pickTitle: /Roll Back Secret/,
    answers: [pick(/Roll Back A/, 'v1'), choose(/Roll back "A" to version 1\?/, 'Roll Back')],
    cancelled: [pick(/Roll Back A/, 'v1'), choose(/Roll back "A" to version 1\?/, CANCEL)],
    write: 'rollbackById',
    after: { version: 3 },
  },
  {
    id: 'fluxbaseSecrets.editDescription',
    pickTitle: /Edit Description/,
    answers: [text(/Description/, 'rotated monthly')],
    cancelled: [text(/Description/, CANCEL)],
    write: 'updateById',
    after: { version: 2, description: 'rotated monthly' },
  },
];

/** A signed-in harness with the global secret `A` (two versions) and `B`. */
async function twoSecrets(): Promise<Harness> {
  return withSecrets([{ partial: { name: 'A' }, versions: 2 }, { partial: { name: 'B' } }]);
}

function noErrors(h: Harness): void {
  assert.deepEqual(
    h.notifier.shown.filter((shown) => shown.level !== 'info'),
    [],
  );
}

for (const command of COMMANDS) {
  describe(`${command.id} selects the changed secret in the tree`, () => {
    it('from the palette: reveals and selects it once the store lists the change, keeping focus where it was', async () => {
      const h = await twoSecrets();
      const revealed = recordingView(h);
      h.script([pick(command.pickTitle, 'A'), ...command.answers]);
      await h.run(command.id);
      noErrors(h);
      h.input.assertDone();
      const a = h.nodes.get('global/A')!.ref;
      assert.deepEqual(revealed, [{ name: 'A', id: a.id, focus: false, listed: command.after }]);
    });

    it('from a key in the focused Secrets view: reveals the row the keyboard was on and keeps focus in the tree', async () => {
      const h = await twoSecrets();
      const a = h.nodes.get('global/A')!.ref;
      const revealed = recordingView(h, a);
      h.script([...command.answers]);
      await h.run(command.id, SECRETS_VIEW_KEY_ARGUMENT);
      noErrors(h);
      assert.deepEqual(revealed, [{ name: 'A', id: a.id, focus: true, listed: command.after }]);
    });

    it('from a link with a SecretRef (hover, tooltip): reveals it without taking focus from the editor', async () => {
      const h = await twoSecrets();
      const revealed = recordingView(h);
      h.script([...command.answers]);
      await h.run(command.id, { ...h.nodes.get('global/A')!.ref });
      noErrors(h);
      assert.deepEqual(
        revealed.map(({ name, focus }) => ({ name, focus })),
        [{ name: 'A', focus: false }],
      );
    });

    it('from the secret’s own row: reveals nothing (the person is looking at it)', async () => {
      const h = await twoSecrets();
      const revealed = recordingView(h);
      h.script([...command.answers]);
      await h.run(command.id, h.nodes.get('global/A'));
      noErrors(h);
      h.input.assertDone();
      assert.deepEqual(h.store.secretsFor(h.nodes.get('global/A')!.connectionId)[0]?.version, command.after.version);
      assert.deepEqual(revealed, []);
    });

    it('reveals nothing when cancelled at the pick or the last question, or when the server refuses', async () => {
      const h = await twoSecrets();
      const revealed = recordingView(h);
      for (const steps of [[pick(command.pickTitle, CANCEL)], [pick(command.pickTitle, 'A'), ...command.cancelled]]) {
        h.script(steps);
        await h.run(command.id);
        h.input.assertDone();
      }
      h.server.failNext(command.write, new FluxbaseApiError('notFound', 'Secret not found (404)', { status: 404 }));
      h.script([pick(command.pickTitle, 'A'), ...command.answers]);
      await h.run(command.id);
      h.input.assertDone();
      assert.deepEqual(
        h.notifier.shown.map((shown) => shown.level),
        ['error'],
        'the refusal is reported',
      );
      assert.deepEqual(revealed, []);
    });
  });
}

describe('fluxbaseSecrets.editDescription with the description unchanged', () => {
  it('saves nothing and reveals nothing', async () => {
    const h = await withSecrets([{ partial: { name: 'A', description: 'same' } }]);
    const revealed = recordingView(h);
    h.script([pick(/Edit Description/, 'A'), text(/Description/, 'same', { prefilled: 'same' })]);
    await h.run('fluxbaseSecrets.editDescription');
    h.input.assertDone();
    assert.deepEqual(h.server.calls, []);
    assert.deepEqual(revealed, []);
  });
});
