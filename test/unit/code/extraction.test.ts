import * as assert from 'node:assert/strict';
import { describeRefusal, planExtraction } from '../../../src/core/code/extraction';

/** Splits `marked` at `[` and `]` (a selection) or at `|` (a cursor) into the text and the offsets. */
function at(marked: string): [string, number, number] {
  const cursor = marked.indexOf('|');
  if (cursor >= 0) {
    return [marked.slice(0, cursor) + marked.slice(cursor + 1), cursor, cursor];
  }
  const start = marked.indexOf('[');
  const end = marked.indexOf(']') - 1;
  return [marked.replace('[', '').replace(']', ''), start, end];
}

function plan(marked: string) {
  const [text, start, end] = at(marked);
  const result = planExtraction(text, start, end);
  return typeof result === 'string' ? result : { ...result, replaced: text.slice(result.start, result.end) };
}

describe('planExtraction', () => {
  it('takes the literal around the cursor, quotes included, with its unescaped value and a suggested name', () => {
    assert.deepEqual(plan('const stripeKey = "sk_li|ve_\\"x\\"";'), {
      start: 18,
      end: 33,
      value: 'sk_live_"x"',
      suggestedName: 'STRIPE_KEY',
      replaced: '"sk_live_\\"x\\""',
    });
  });

  it('takes a literal when the cursor touches its opening or closing quote', () => {
    assert.equal((plan("apiKey: |'abc'") as { value: string }).value, 'abc');
    assert.equal((plan("apiKey: 'abc'|,") as { value: string }).value, 'abc');
  });

  it('takes a literal selected whole or by its content, ignoring surrounding spaces', () => {
    for (const marked of ['const token = [ "t0k" ];', 'const token = "[t0k]";']) {
      const result = plan(marked);
      assert.ok(typeof result === 'object', marked);
      assert.equal(result.replaced, '"t0k"');
      assert.equal(result.suggestedName, 'TOKEN');
    }
  });

  it('takes a template literal without substitutions', () => {
    assert.equal((plan('const pw = `hun|ter2`;') as { value: string }).value, 'hunter2');
  });

  it('takes a selection outside any literal as the value itself', () => {
    const result = plan('const port = [ 5432 ];');
    assert.ok(typeof result === 'object');
    assert.equal(result.value, '5432');
    assert.equal(result.replaced, '5432');
    assert.equal(result.suggestedName, 'PORT');
  });

  it('refuses part of a literal, substitutions, empty values, existing references and plain code', () => {
    assert.equal(plan('const a = "Bearer [sk_1]";'), 'partOfLiteral');
    assert.equal(plan('const a = [x + "abc"];'), 'partOfLiteral');
    assert.equal(plan('const a = `k_${i|d}`;'), 'templateWithSubstitutions');
    assert.equal(plan('const a = "|";'), 'empty');
    assert.equal(plan('const a = [   ];'), 'empty');
    assert.equal(plan('Deno.env.get("FLUXBASE_SECRET_|X")'), 'alreadyReference');
    assert.equal(plan('const a = "FLUXBASE_SECRET_|X"'), 'alreadyReference');
    assert.equal(plan('const a| = 1;'), 'noLiteral');
    assert.equal(plan('const a = "unterminated|'), 'partOfLiteral');
  });

  it('has a sentence for every refusal', () => {
    for (const refusal of [
      'noLiteral',
      'alreadyReference',
      'partOfLiteral',
      'templateWithSubstitutions',
      'empty',
    ] as const) {
      assert.ok(describeRefusal(refusal).length > 10);
    }
  });
});
