import * as assert from 'node:assert/strict';
import { parseGuardedArray } from '../../../src/core/api/slicedArrayParse';
import { arrayOf, isSecretSummary, type Guard } from '../../../src/core/api/responseGuards';
import { turnsDuring } from '../../support/eventLoopTurns';
import { FuzzRandom } from '../../support/fuzzRandom';

const isSmallObject: Guard<{ a: unknown }> = (value): value is { a: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'a' in value;

/** What the one-shot parse gives: the items, or 'rejected'. */
function reference<T>(text: string, guard: Guard<T>): T[] | 'rejected' {
  try {
    const parsed: unknown = JSON.parse(text);
    return arrayOf(guard)(parsed) ? parsed : 'rejected';
  } catch {
    return 'rejected';
  }
}

async function sliced<T>(text: string, guard: Guard<T>, perSlice: number): Promise<T[] | 'rejected'> {
  try {
    return await parseGuardedArray(text, guard, perSlice);
  } catch {
    return 'rejected';
  }
}

const samples = [
  '[]',
  ' [ ] ',
  '[{"a":1}]',
  '[{"a":1},{"a":"]"},{"a":"\\"},{"},{"a":"\\\\"},{"a":[1,{"b":"}"}]}]',
  '\n[\t{"a" : 1} ,\r\n {"a":2}\n]\n',
  '[{"a":1},]',
  '[,{"a":1}]',
  '[{"a":1} {"a":2}]',
  '[{"a":1}]]',
  '[{"a":1}',
  '[{"a":1}}]',
  '[{"a":"unterminated]',
  '[{"a":1}] x',
  '{"a":1}',
  '[{"b":1}]',
  '[1,2]',
  '[{"a":1},  ]',
  '[{"a":1},{"a":2},{"a":3},{"a":4},{"a":5}]',
  '[{"a":"\\\\\\"]"}]',
  '',
  '\uFEFF[]',
];

describe('parseGuardedArray: a list parsed and checked in slices that yield', () => {
  it('gives what JSON.parse and the guard give, for every slice size, valid and broken texts alike', async () => {
    for (const text of samples) {
      for (const perSlice of [1, 2, 3, 1000]) {
        assert.deepEqual(
          await sliced(text, isSmallObject, perSlice),
          reference(text, isSmallObject),
          `${text} by ${perSlice}`,
        );
      }
    }
  });

  it('agrees with JSON.parse + the guard on 2,000 random mutations of a secret list (seeded)', async () => {
    const random = new FuzzRandom(17);
    const secret = (i: number): object => ({
      id: `id-${i}`,
      name: random.chance(0.3) ? `N"A]M{E\\${i}` : `NAME_${i}`,
      scope: i % 2 ? 'global' : 'namespace',
      ...(i % 2 ? {} : { namespace: 'ns,[x]' }),
      version: 1 + (i % 4),
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      is_expired: false,
    });
    const pieces = ['"', '\\', ',', '[', ']', '{', '}', ' ', '1', ':', 'x'];
    let accepted = 0;
    for (let round = 0; round < 2000; round++) {
      let text = JSON.stringify(Array.from({ length: random.between(0, 7) }, (_, i) => secret(i)));
      for (let edits = random.between(0, 2); edits > 0; edits--) {
        const at = random.int(text.length + 1);
        text = random.chance(0.5)
          ? text.slice(0, at) + random.pick(pieces) + text.slice(at)
          : text.slice(0, at) + text.slice(at + 1);
      }
      const expected = reference(text, isSecretSummary);
      if (expected !== 'rejected') accepted++;
      assert.deepEqual(
        await sliced(text, isSecretSummary, random.between(1, 4)),
        expected,
        `seed 17, round ${round}: ${text}`,
      );
    }
    assert.ok(accepted > 200, `enough valid texts (${accepted})`);
  });

  it('lets other work run between slices', async () => {
    const text = JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ a: i })));
    const { result: items, turns } = await turnsDuring(() => parseGuardedArray(text, isSmallObject, 2));
    assert.equal(items.length, 10);
    assert.ok(turns >= 4, `other callbacks ran ${turns} times during 5 slices`);
  });
});
