import * as assert from 'node:assert/strict';
import { variableCompletionContext } from '../../../src/core/code/completionContext';

/** Splits `text` at the `|` marker into the text and the cursor offset. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

describe('variableCompletionContext', () => {
  it('applies inside an empty Deno.env.get("") and covers the whole content', () => {
    const [text, offset] = at('Deno.env.get("|")');
    assert.deepEqual(variableCompletionContext(text, offset), { contentStart: 14, contentEnd: 14, typed: '' });
  });

  it('applies inside single quotes and reports what is typed before the cursor', () => {
    const [text, offset] = at("const x = Deno.env.get('FLUX|BASE_OLD');");
    const context = variableCompletionContext(text, offset);
    assert.ok(context);
    assert.equal(context.typed, 'FLUX');
    assert.equal(text.slice(context.contentStart, context.contentEnd), 'FLUXBASE_OLD');
  });

  it('applies in an unterminated argument up to the end of the line', () => {
    const [text, offset] = at('Deno.env.get("FLUXBASE_S|\nconst y = 2;');
    const context = variableCompletionContext(text, offset);
    assert.ok(context);
    assert.equal(text.slice(context.contentStart, context.contentEnd), 'FLUXBASE_S');
  });

  it('applies inside any string that starts with FLUXBASE_SECRET_', () => {
    const [text, offset] = at('const name = "FLUXBASE_SECRET_|";');
    assert.equal(variableCompletionContext(text, offset)?.typed, 'FLUXBASE_SECRET_');
  });

  it('applies inside a template literal argument without substitutions', () => {
    const [text, offset] = at('Deno.env.get(`FL|`)');
    assert.equal(variableCompletionContext(text, offset)?.typed, 'FL');
  });

  it('does not apply in other strings, in comments or in code', () => {
    for (const marked of [
      'const s = "hel|lo";',
      '// Deno.env.get("|")',
      'Deno.env.get(na|me)',
      'Deno.env.get(`${a}|`)',
      'console.log("|FLUXBASE_SECRET_X")'.replace('|', '') + '|',
    ]) {
      const [text, offset] = at(marked);
      assert.equal(variableCompletionContext(text, offset), undefined, marked);
    }
  });
});
