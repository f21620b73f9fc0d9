import * as assert from 'node:assert/strict';
import { buildEnvTemplate, type TemplateSecret } from '../../../src/core/code/envTemplate';
import { parseEnvFile } from '../../../src/core/code/envFile';

describe('buildEnvTemplate', () => {
  const secrets = [
    { name: 'stripe_key', description: 'Stripe\nlive key' },
    { name: 'FLUXBASE_CUSTOM' },
    { name: 'API_TOKEN', description: '' },
  ];

  it('writes one empty assignment per variable, sorted, with descriptions as comments', () => {
    assert.equal(
      buildEnvTemplate(secrets, 'Fluxbase secrets of Local, global scope').content,
      [
        '# Fluxbase secrets of Local, global scope',
        '# Names only: fill in values locally and never commit them.',
        '',
        'FLUXBASE_CUSTOM=',
        'FLUXBASE_SECRET_API_TOKEN=',
        '# Stripe live key',
        'FLUXBASE_SECRET_STRIPE_KEY=',
        '',
      ].join('\n'),
    );
  });

  it('contains no value even when the objects it is given carry one', () => {
    const withValues = secrets.map((s, i) => ({ ...s, value: `canary-value-${i}` })) as TemplateSecret[];
    const template = buildEnvTemplate(withValues, 'heading').content;
    assert.doesNotMatch(template, /canary-value/);
    // read back, every variable has an empty value, so importing it as-is writes nothing
    const parsed = parseEnvFile(template);
    assert.deepEqual(parsed.entries, []);
    assert.equal(parsed.problems.length, 3);
  });

  it('lists a variable once when names differ only in case', () => {
    const template = buildEnvTemplate([{ name: 'key' }, { name: 'KEY' }], 'h').content;
    assert.equal(template.match(/FLUXBASE_SECRET_KEY=/g)?.length, 1);
  });

  it('keeps a heading on one comment line', () => {
    assert.match(buildEnvTemplate([], 'a\nB=leak').content, /^# a B=leak\n/);
  });
});
