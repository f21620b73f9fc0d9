import * as assert from 'node:assert/strict';
import { hoverMarkdown } from '../../../src/core/code/hoverContent';
import { indexByVariable, resolveVariable } from '../../../src/core/code/variableResolution';
import { NOW, daysFromNow, entry } from './catalogFixtures';

function hover(variable: string, entries: ReturnType<typeof entry>[]) {
  return hoverMarkdown(resolveVariable(variable, indexByVariable(entries).get(variable) ?? [], NOW), NOW);
}

/** The decoded argument lists of every command link to `commandId`. */
function linkArguments(markdown: string, commandId: string): unknown[] {
  const pattern = new RegExp(`\\(command:${commandId.replace('.', '\\.')}\\?([^ )]+)`, 'g');
  return [...markdown.matchAll(pattern)].map((m) => JSON.parse(decodeURIComponent(m[1] ?? '')) as unknown);
}

describe('hoverMarkdown', () => {
  const global = entry({ name: 'STRIPE_KEY', version: 3, description: 'Stripe *live* key' });
  const namespaced = entry({
    name: 'STRIPE_KEY',
    scope: 'namespace',
    namespace: 'payments',
    version: 2,
    expires_at: daysFromNow(5),
  });

  it('lists the global and the namespace secret with version and expiry, the namespace one winning', () => {
    const markdown = hover('FLUXBASE_SECRET_STRIPE_KEY', [global, namespaced]) ?? '';
    assert.match(markdown, /FLUXBASE\\_SECRET\\_STRIPE\\_KEY/);
    assert.match(markdown, /Local:/);
    assert.match(markdown, /- Global: `STRIPE_KEY` · v3 · never expires — Stripe \\\*live\\\* key/);
    assert.match(markdown, /- Namespace `payments`: `STRIPE_KEY` · v2 · \*\*expires in 5 days\*\*/);
    assert.match(markdown, /wins over the global secret in `payments`/);
  });

  it('links each secret to its history and to updating its value with a SecretRef', () => {
    const markdown = hover('FLUXBASE_SECRET_STRIPE_KEY', [global, namespaced]) ?? '';
    const expected = [
      [{ connectionId: 'local', id: global.secret.id, name: 'STRIPE_KEY', scope: 'global' }],
      [
        {
          connectionId: 'local',
          id: namespaced.secret.id,
          name: 'STRIPE_KEY',
          scope: 'namespace',
          namespace: 'payments',
        },
      ],
    ];
    assert.deepEqual(linkArguments(markdown, 'fluxbaseSecrets.showHistory'), expected);
    assert.deepEqual(linkArguments(markdown, 'fluxbaseSecrets.updateSecretValue'), expected);
  });

  it('escapes Markdown in descriptions so they cannot add links', () => {
    const markdown =
      hover('FLUXBASE_SECRET_X', [entry({ name: 'X', description: '[click](command:workbench.action.quit)' })]) ?? '';
    assert.doesNotMatch(markdown, /\]\(command:workbench/);
  });

  it('says that no secret provides an unknown secret variable, and nothing for other variables', () => {
    assert.match(hover('FLUXBASE_SECRET_NONE', []) ?? '', /No secret of the signed-in Fluxbase connections/);
    assert.equal(hover('HOME', []), undefined);
  });

  it('warns when names that differ only in case collide', () => {
    assert.match(hover('FLUXBASE_SECRET_K', [entry({ name: 'k' }), entry({ name: 'K' })]) ?? '', /differ only in case/);
  });
});
