import * as assert from 'node:assert/strict';
import { expiryFixes } from '../../../src/core/code/expiryFixes';
import { assessReference } from '../../../src/core/code/referenceProblems';
import { indexByVariable, resolveVariable } from '../../../src/core/code/variableResolution';
import { parseCommandArgument } from '../../../src/core/commandArgument';
import type { CatalogEntry } from '../../../src/core/explorer/secretCatalog';
import { assessFunctionReference } from '../../../src/core/functions/functionProblems';
import { settingsConnection } from '../explorer/support/fakes';
import { NOW as SERVER_NOW } from '../explorer/support/fakeFluxbase';
import { text } from '../commands/support/scriptedUserInput';
import { withSecrets } from '../commands/support/secretFixture';
import { contextOf } from '../functions/functionFixtures';
import { NOW, daysFromNow, entry } from './catalogFixtures';

const DAY = 24 * 60 * 60 * 1000;

/** A registry of `count` configured connections: what the naming rule counts. */
function configured(count: number) {
  const connections = Array.from({ length: count }, (_, index) => settingsConnection(`c${index}`));
  return { list: () => connections };
}

function plainFixes(variable: string, entries: CatalogEntry[], connections = 1, now = NOW) {
  const problem = assessReference(resolveVariable(variable, indexByVariable(entries).get(variable) ?? [], now), 1, now);
  return expiryFixes(problem?.renewable ?? [], configured(connections));
}

function functionFixes(variable: string, entries: CatalogEntry[], namespaces: string[], now = NOW) {
  const resolution = resolveVariable(variable, indexByVariable(entries).get(variable) ?? [], now);
  return assessFunctionReference(resolution, contextOf(namespaces), 1, now).flatMap((problem) => ({
    code: problem.code,
    fixes: expiryFixes(problem.renewable ?? [], configured(1)),
  }));
}

describe('quick fixes of expired and expiring references', () => {
  it('an expired secret: "Update value of NAME…" and "Set expiry of NAME…" on that exact secret', () => {
    const old = entry({ name: 'OLD', is_expired: true, expires_at: daysFromNow(-2) });
    const fixes = plainFixes('FLUXBASE_SECRET_OLD', [old]);
    const ref = { connectionId: 'local', id: old.secret.id, name: 'OLD', scope: 'global' };
    assert.deepEqual(fixes, [
      { title: 'Update value of OLD…', command: 'fluxbaseSecrets.updateSecretValue', ref },
      { title: 'Set expiry of OLD…', command: 'fluxbaseSecrets.setExpiry', ref },
    ]);
  });

  it('a soon expiring secret gets the same two fixes; an active or unknown one none', () => {
    const soon = entry({ name: 'SOON', scope: 'namespace', namespace: 'ns', expires_at: daysFromNow(3) });
    assert.deepEqual(
      plainFixes('FLUXBASE_SECRET_SOON', [soon]).map((fix) => [fix.title, fix.ref.id, fix.ref.namespace]),
      [
        ['Update value of SOON…', soon.secret.id, 'ns'],
        ['Set expiry of SOON…', soon.secret.id, 'ns'],
      ],
    );
    assert.deepEqual(plainFixes('FLUXBASE_SECRET_OK', [entry({ name: 'OK', expires_at: daysFromNow(30) })]), []);
    assert.deepEqual(plainFixes('FLUXBASE_SECRET_NONE', [entry({ name: 'OTHER' })]), []);
  });

  it('only the expired providers of a plain reference, each titled with its scope when there are several', () => {
    const global = entry({ name: 'KEY', expires_at: daysFromNow(-1) });
    const billing = entry({ name: 'KEY', scope: 'namespace', namespace: 'billing', expires_at: daysFromNow(-1) });
    const active = entry({ name: 'KEY', scope: 'namespace', namespace: 'ops' });
    const fixes = plainFixes('FLUXBASE_SECRET_KEY', [global, billing, active]);
    assert.deepEqual(
      fixes.map((fix) => [fix.title, fix.ref.id]),
      [
        ['Update value of KEY (global)…', global.secret.id],
        ['Set expiry of KEY (global)…', global.secret.id],
        ['Update value of KEY in namespace billing…', billing.secret.id],
        ['Set expiry of KEY in namespace billing…', billing.secret.id],
      ],
    );
  });

  it('names the connection in the titles when there are several connections', () => {
    const old = entry({ name: 'OLD', expires_at: daysFromNow(-1) }, { id: 'staging', name: 'staging' });
    assert.deepEqual(
      plainFixes('FLUXBASE_SECRET_OLD', [old], 2).map((fix) => fix.title),
      ['Update value of OLD on staging…', 'Set expiry of OLD on staging…'],
    );
  });

  it("in a function's namespace, the fix targets what the function reads: the namespace override, not the global", () => {
    const global = entry({ name: 'STRIPE_KEY', expires_at: daysFromNow(2) });
    const billing = entry({ name: 'STRIPE_KEY', scope: 'namespace', namespace: 'billing', expires_at: daysFromNow(3) });
    const [finding] = functionFixes('FLUXBASE_SECRET_STRIPE_KEY', [global, billing], ['billing']);
    assert.equal(finding?.code, 'expiringInNamespace');
    assert.deepEqual(
      finding?.fixes.map((fix) => [fix.title, fix.ref.id, fix.ref.scope, fix.ref.namespace]),
      [
        ['Update value of STRIPE_KEY…', billing.secret.id, 'namespace', 'billing'],
        ['Set expiry of STRIPE_KEY…', billing.secret.id, 'namespace', 'billing'],
      ],
    );
  });

  it("in a namespace without its own secret, the fix targets the global one it reads; expired: the namespace's first", () => {
    const global = entry({ name: 'TOKEN', expires_at: daysFromNow(2) });
    const [expiring] = functionFixes('FLUXBASE_SECRET_TOKEN', [global], ['ops']);
    assert.deepEqual(expiring?.fixes[0]?.ref.id, global.secret.id);

    const expiredGlobal = entry({ name: 'GONE', expires_at: daysFromNow(-2) });
    const expiredBilling = entry({
      name: 'GONE',
      scope: 'namespace',
      namespace: 'billing',
      expires_at: daysFromNow(-1),
    });
    const [expired] = functionFixes('FLUXBASE_SECRET_GONE', [expiredGlobal, expiredBilling], ['billing']);
    assert.equal(expired?.code, 'expiredInNamespace');
    assert.deepEqual(
      expired?.fixes.map((fix) => fix.ref.id),
      [expiredBilling.secret.id, expiredBilling.secret.id],
    );
  });

  it("a fix's argument is parsed as that exact secret (connection, scope, namespace, id)", () => {
    const old = entry({ name: 'OLD', scope: 'namespace', namespace: 'billing', expires_at: daysFromNow(-1) });
    const [fix] = plainFixes('FLUXBASE_SECRET_OLD', [old]);
    assert.ok(fix);
    assert.deepEqual(parseCommandArgument(JSON.parse(JSON.stringify(fix.ref))), { kind: 'secretRef', ref: fix.ref });
  });

  it('running "Update value of NAME…" makes a new version of the namespace override, not of the global secret', async () => {
    const expiresAt = new Date(SERVER_NOW + 2 * DAY).toISOString();
    const h = await withSecrets(
      [
        { partial: { name: 'STRIPE_KEY', expires_at: expiresAt } },
        { partial: { name: 'STRIPE_KEY', scope: 'namespace', namespace: 'billing', expires_at: expiresAt } },
      ],
      [settingsConnection('staging', 'https://staging.example.com')],
    );
    const now = new Date(SERVER_NOW);
    const resolution = resolveVariable(
      'FLUXBASE_SECRET_STRIPE_KEY',
      indexByVariable(h.deps.catalog.entries()).get('FLUXBASE_SECRET_STRIPE_KEY') ?? [],
      now,
    );
    const [problem] = assessFunctionReference(
      resolution,
      contextOf(['billing'], undefined, [{ id: h.store.connections()[0]!.id, name: 'staging' }]),
      1,
      now,
    );
    const update = expiryFixes(problem?.renewable ?? [], h.registry).find(
      (fix) => fix.command === 'fluxbaseSecrets.updateSecretValue',
    );
    assert.ok(update);
    h.script([text(/makes version 2/, 'rotated')]);
    await h.run(update.command, update.ref);
    h.input.assertDone();
    const versions = h.server.all().map((secret) => [secret.scope, secret.namespace, secret.version]);
    assert.deepEqual(versions.sort(), [
      ['global', undefined, 1],
      ['namespace', 'billing', 2],
    ]);
  });

  it('a new value does not renew an expired secret: the box and the notification say so, and offer Set Expiry', async () => {
    const h = await withSecrets([{ partial: { name: 'OLD', expires_at: new Date(SERVER_NOW - DAY).toISOString() } }]);
    const ref = h.nodes.get('global/OLD')!.ref;
    h.notifier.respond = () => 'Set Expiry…';
    h.script([
      text(/makes version 2\. It has expired: a new value does not change that \(Set Expiry does\)/, 'rotated'),
    ]);
    await h.run('fluxbaseSecrets.updateSecretValue', ref);
    h.input.assertDone();
    assert.equal(h.notifier.shown[0]?.level, 'warn');
    assert.match(h.notifier.shown[0]!.message, /now version 2\. It is still expired, so functions do not get it/);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(h.executed, [{ id: 'fluxbaseSecrets.setExpiry', arg: ref }]);
  });

  it('a secret that has not expired gets the plain notification', async () => {
    const h = await withSecrets([{ partial: { name: 'SOON', expires_at: new Date(SERVER_NOW + DAY).toISOString() } }]);
    h.script([text(/makes version 2\.$/, 'rotated')]);
    await h.run('fluxbaseSecrets.updateSecretValue', h.nodes.get('global/SOON'));
    assert.deepEqual(
      h.notifier.shown.map((shown) => [shown.level, shown.message]),
      [['info', 'Updated the value of "SOON": now version 2.']],
    );
  });
});
