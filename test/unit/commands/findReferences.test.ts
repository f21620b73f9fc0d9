import * as assert from 'node:assert/strict';
import type { CodeRange } from '../../../src/core/commandArgument';
import type { ReferencesPort } from '../../../src/core/commands/hostPorts';
import { pick } from './support/scriptedUserInput';
import { withSecrets } from './support/secretFixture';

const AT = (uri: string, line: number): CodeRange => ({
  uri,
  start: { line, character: 14 },
  end: { line, character: 40 },
});

/** A references port over fixed answers, recording what it was asked and shown. */
function fakeReferences(answers: Record<string, CodeRange[]>) {
  const asked: string[] = [];
  const shown: { variable: string; locations: readonly CodeRange[] }[] = [];
  const port: ReferencesPort = {
    locate: (variable) => {
      asked.push(variable);
      return Promise.resolve(answers[variable] ?? []);
    },
    show: (variable, locations) => {
      shown.push({ variable, locations });
      return Promise.resolve();
    },
  };
  return { port, asked, shown };
}

describe('fluxbaseSecrets.findReferences (in the one table)', () => {
  it("from a tree row: opens the references view on every place that reads the secret's variable", async () => {
    const h = await withSecrets([{ partial: { name: 'stripe_key' } }]);
    const places = [AT('file:///w/fluxbase/functions/a.ts', 1), AT('file:///w/fluxbase/functions/b.ts', 3)];
    const references = fakeReferences({ FLUXBASE_SECRET_STRIPE_KEY: places });
    h.deps.references = references.port;
    h.script([]);
    const result = await h.handler('fluxbaseSecrets.findReferences')(h.nodes.get('global/stripe_key'));
    assert.deepEqual(result, places);
    assert.deepEqual(references.asked, ['FLUXBASE_SECRET_STRIPE_KEY']);
    assert.deepEqual(references.shown, [{ variable: 'FLUXBASE_SECRET_STRIPE_KEY', locations: places }]);
    assert.deepEqual(h.notifier.shown, []);
  });

  it('from the palette asks which secret; nothing reads it: says so and opens nothing', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }, { partial: { name: 'B' } }]);
    const references = fakeReferences({});
    h.deps.references = references.port;
    const input = h.script([pick(/Find References/, 'B')]);
    await h.run('fluxbaseSecrets.findReferences');
    input.assertDone();
    assert.deepEqual(references.asked, ['FLUXBASE_SECRET_B']);
    assert.deepEqual(references.shown, []);
    assert.deepEqual(
      h.notifier.shown.map((s) => s.message),
      ['No reference to FLUXBASE_SECRET_B in this workspace.'],
    );
  });

  it('without a workspace it fails in words, as its own failure', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }]);
    h.script([]);
    await h.run('fluxbaseSecrets.findReferences', h.nodes.get('global/A'));
    assert.match(h.notifier.shown[0]?.message ?? '', /Could not find the references: .*open a folder/);
  });
});
