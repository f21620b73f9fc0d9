import * as assert from 'node:assert/strict';
import { referenceAt, scanSecretReferences } from '../../../src/core/code/referenceScanner';

function variables(text: string): string[] {
  return scanSecretReferences(text).map((r) => r.variable);
}

describe('scanSecretReferences', () => {
  it('finds a double-quoted Deno.env.get argument with the range of its content', () => {
    const text = 'const k = Deno.env.get("FLUXBASE_SECRET_STRIPE_KEY");';
    const [reference] = scanSecretReferences(text);
    assert.ok(reference);
    assert.equal(reference.kind, 'denoEnvGet');
    assert.equal(reference.variable, 'FLUXBASE_SECRET_STRIPE_KEY');
    assert.equal(
      text.slice(reference.literal.contentStart, reference.literal.contentEnd),
      'FLUXBASE_SECRET_STRIPE_KEY',
    );
    assert.equal(text.slice(reference.literal.start, reference.literal.end), '"FLUXBASE_SECRET_STRIPE_KEY"');
  });

  it('finds single-quoted arguments', () => {
    assert.deepEqual(variables("Deno.env.get('FLUXBASE_SECRET_A')"), ['FLUXBASE_SECRET_A']);
  });

  it('resolves escaped quotes of both styles inside the argument', () => {
    assert.deepEqual(variables('Deno.env.get("A\\"B"); Deno.env.get(\'C\\\'D\')'), ['A"B', "C'D"]);
  });

  it('does not end a string at an escaped quote', () => {
    const text = 'const s = "say \\"Deno.env.get(" + "FLUXBASE_SECRET_X";';
    // the first literal is one string; the second starts with the prefix
    assert.deepEqual(
      scanSecretReferences(text).map((r) => [r.kind, r.variable]),
      [['prefixedString', 'FLUXBASE_SECRET_X']],
    );
  });

  it('accepts a template literal without substitutions', () => {
    assert.deepEqual(variables('Deno.env.get(`FLUXBASE_SECRET_T`)'), ['FLUXBASE_SECRET_T']);
  });

  it('ignores a template literal with a substitution', () => {
    assert.deepEqual(variables('Deno.env.get(`FLUXBASE_SECRET_${name}`)'), []);
  });

  it('finds references nested in template substitutions', () => {
    const text = 'const s = `key: ${Deno.env.get("FLUXBASE_SECRET_N")} and ${`${"x"}`}`;';
    assert.deepEqual(variables(text), ['FLUXBASE_SECRET_N']);
  });

  it('ignores references inside line and block comments', () => {
    const text = [
      '// Deno.env.get("FLUXBASE_SECRET_LINE")',
      '/* Deno.env.get("FLUXBASE_SECRET_BLOCK")',
      '   "FLUXBASE_SECRET_ALSO_BLOCK" */',
      'Deno.env.get("FLUXBASE_SECRET_CODE") // trailing',
    ].join('\n');
    assert.deepEqual(variables(text), ['FLUXBASE_SECRET_CODE']);
  });

  it('does not treat comment markers inside strings as comments', () => {
    const text = 'const url = "http://x"; Deno.env.get("FLUXBASE_SECRET_AFTER");';
    assert.deepEqual(variables(text), ['FLUXBASE_SECRET_AFTER']);
  });

  it('finds any string that starts with FLUXBASE_SECRET_, and only those outside Deno.env.get', () => {
    const text = 'const names = ["FLUXBASE_SECRET_ONE", \'FLUXBASE_SECRET_TWO\', "OTHER", "fluxbase_secret_low"];';
    assert.deepEqual(
      scanSecretReferences(text).map((r) => [r.kind, r.variable]),
      [
        ['prefixedString', 'FLUXBASE_SECRET_ONE'],
        ['prefixedString', 'FLUXBASE_SECRET_TWO'],
      ],
    );
  });

  it('reports any Deno.env.get argument, secret or not', () => {
    assert.deepEqual(variables('Deno.env.get("HOME"); Deno.env.get("FLUXBASE_URL")'), ['HOME', 'FLUXBASE_URL']);
  });

  it('allows whitespace and line breaks around the call parts', () => {
    assert.deepEqual(variables('Deno . env\n  .get(\n    "FLUXBASE_SECRET_SPACED"\n  )'), ['FLUXBASE_SECRET_SPACED']);
  });

  it('ignores calls whose argument is not a literal and look-alike calls', () => {
    assert.deepEqual(variables('Deno.env.get(name); myDeno.env.get("X"); Deno.env.set("Y", "1")'), []);
  });

  it('skips an unterminated string that is still being typed, and recovers on the next line', () => {
    const text = 'Deno.env.get("FLUXBASE_SECRET_HALF\nDeno.env.get("FLUXBASE_SECRET_WHOLE")';
    assert.deepEqual(variables(text), ['FLUXBASE_SECRET_WHOLE']);
  });

  it('resolves \\u, \\x and \\u{} escapes', () => {
    assert.deepEqual(variables('Deno.env.get("FLUXBASE_SECRET_\\u0041\\x42\\u{43}")'), ['FLUXBASE_SECRET_ABC']);
  });

  it('keeps offsets right in CRLF text', () => {
    const text = '// c\r\nconst a = 1;\r\nDeno.env.get("FLUXBASE_SECRET_CR");\r\n';
    const [reference] = scanSecretReferences(text);
    assert.ok(reference);
    assert.equal(text.slice(reference.literal.contentStart, reference.literal.contentEnd), 'FLUXBASE_SECRET_CR');
  });
});

describe('referenceAt', () => {
  const text = 'a(Deno.env.get("FLUXBASE_SECRET_A"), "FLUXBASE_SECRET_B", "plain")';

  it('finds the reference whose content holds the offset, both ends included', () => {
    const start = text.indexOf('FLUXBASE_SECRET_A');
    assert.equal(referenceAt(text, start)?.variable, 'FLUXBASE_SECRET_A');
    assert.equal(referenceAt(text, start + 'FLUXBASE_SECRET_A'.length)?.variable, 'FLUXBASE_SECRET_A');
    assert.equal(referenceAt(text, text.indexOf('SECRET_B'))?.variable, 'FLUXBASE_SECRET_B');
  });

  it('finds nothing outside references', () => {
    assert.equal(referenceAt(text, 0), undefined);
    assert.equal(referenceAt(text, text.indexOf('plain')), undefined);
  });
});
