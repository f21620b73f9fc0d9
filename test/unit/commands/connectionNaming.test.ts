import * as assert from 'node:assert/strict';
import { expiryFixes } from '../../../src/core/code/expiryFixes';
import { connectionTitleSuffix, onConnection } from '../../../src/core/connections/connectionNaming';
import { createSecretFix, namespaceCreateTitle } from '../../../src/core/functions/functionTargets';
import {
  DEFAULT_PRODUCTION_PATTERNS,
  isProductionLike,
  productionPatternsOf,
} from '../../../src/core/connections/productionConnection';
import { DAY, NOW as SERVER_NOW } from '../explorer/support/fakeFluxbase';
import { settingsConnection } from '../explorer/support/fakes';
import { CHARGE, contextOf } from '../functions/functionFixtures';
import { CANCEL, choose, pick, text } from './support/scriptedUserInput';
import { withSecrets } from './support/secretFixture';

const PROD = settingsConnection('prod', 'https://prod.example.com');
const STAGING = settingsConnection('staging', 'https://staging.example.com');

describe('connection naming', () => {
  it('adds the connection to titles and sentences only when there are several connections', () => {
    assert.equal(connectionTitleSuffix(PROD, 2), ' — prod');
    assert.equal(connectionTitleSuffix(PROD, 1), '');
    assert.equal(onConnection(STAGING, { list: () => [PROD, STAGING, PROD] }), ' on staging');
    assert.equal(onConnection(STAGING, { list: () => [STAGING] }), '');
  });
});

describe('one naming rule for quick fixes and the commands they run', () => {
  // Two connections configured, only staging signed in (withSecrets signs in to the first): both name it.
  it('an expired reference: the fix titles and the Update Value box both say "on staging"', async () => {
    const h = await withSecrets(
      [{ partial: { name: 'OLD', expires_at: new Date(SERVER_NOW - DAY).toISOString() } }],
      [STAGING, PROD],
    );
    assert.equal(h.deps.catalog.connections().length, 1, 'one signed in');
    const [update, setExpiry] = expiryFixes(h.deps.catalog.entries(), h.registry);
    assert.deepEqual(
      [update?.title, setExpiry?.title],
      ['Update value of OLD on staging…', 'Set expiry of OLD on staging…'],
    );
    h.script([text(/makes version 2/, 'rotated')]);
    await h.run(update!.command, update!.ref);
    h.input.assertDone();
    assert.match(h.input.textBoxes[0]?.title ?? '', /^Update Value of OLD on staging$/);
  });

  it('an unknown secret in a function: the fix title and the create flow both say "on staging"', async () => {
    const h = await withSecrets([], [STAGING, PROD]);
    const context = contextOf([['billing', 'deployed']], CHARGE, [{ id: STAGING.id, name: STAGING.name }]);
    const fix = createSecretFix('NEW_KEY', context, h.registry);
    assert.equal(fix.title, 'Create secret NEW_KEY in namespace billing on staging…');
    const target = { connectionId: STAGING.id, connectionName: STAGING.name, namespace: 'billing' };
    assert.equal(
      namespaceCreateTitle('NEW_KEY', target, h.registry),
      'Create NEW_KEY in namespace billing on staging…',
    );
    h.script([text(/Value of NEW_KEY/, 'v'), text(/Description/, ''), text(/Expiry/, '')]);
    await h.run('fluxbaseSecrets.createSecret', fix.argument);
    h.input.assertDone();
    assert.match(h.input.textBoxes[0]?.title ?? '', /on staging, namespace billing, name NEW_KEY/);
    assert.deepEqual(h.progress.titles, ['Creating secret NEW_KEY on staging…']);
  });

  it('with one connection configured, neither names it', async () => {
    const h = await withSecrets(
      [{ partial: { name: 'OLD', expires_at: new Date(SERVER_NOW - DAY).toISOString() } }],
      [STAGING],
    );
    assert.deepEqual(
      expiryFixes(h.deps.catalog.entries(), h.registry).map((fix) => fix.title),
      ['Update value of OLD…', 'Set expiry of OLD…'],
    );
    const context = contextOf([['billing', 'deployed']], CHARGE, [{ id: STAGING.id, name: STAGING.name }]);
    assert.equal(createSecretFix('NEW_KEY', context, h.registry).title, 'Create secret NEW_KEY in namespace billing…');
  });
});

describe('isProductionLike', () => {
  const looks = (name: string, url = 'https://fluxbase.example.com') =>
    isProductionLike({ name, url }, DEFAULT_PRODUCTION_PATTERNS);

  it('matches prod, production and live as whole words of the name, in any case', () => {
    assert.equal(looks('Prod'), true);
    assert.equal(looks('prod-eu'), true);
    assert.equal(looks('EU Production'), true);
    assert.equal(looks('live'), true);
  });

  it('matches the URL too', () => {
    assert.equal(looks('Main', 'https://api.prod.example.com'), true);
    assert.equal(looks('Main', 'https://live.example.com'), true);
  });

  it('does not match the patterns inside other words', () => {
    assert.equal(looks('staging'), false);
    assert.equal(looks('product-demo'), false);
    assert.equal(looks('Main', 'https://olive.example.com'), false);
    assert.equal(looks('Local', 'http://127.0.0.1:8080'), false);
  });

  it('follows the configured patterns, ignoring blank ones', () => {
    assert.equal(isProductionLike({ name: 'customer-a', url: 'https://x' }, ['customer-a']), true);
    assert.equal(isProductionLike({ name: 'prod', url: 'https://x' }, ['', '  ']), false);
    assert.equal(isProductionLike({ name: 'prod', url: 'https://x' }, []), false);
  });

  it('reads a malformed setting as the defaults, so the guard cannot be switched off by accident', () => {
    assert.deepEqual(productionPatternsOf(['eu-main']), ['eu-main']);
    assert.deepEqual(productionPatternsOf('prod'), DEFAULT_PRODUCTION_PATTERNS);
    assert.deepEqual(productionPatternsOf([1, 2]), DEFAULT_PRODUCTION_PATTERNS);
    assert.deepEqual(productionPatternsOf(undefined), DEFAULT_PRODUCTION_PATTERNS);
  });
});

describe('deleting on a production-like connection', () => {
  it('asks to type the secret name, refuses anything else, then deletes', async () => {
    const h = await withSecrets([{ partial: { name: 'STRIPE_API_KEY' } }], [PROD]);
    h.script([
      text(/"prod" looks like production\. Type STRIPE_API_KEY to delete it from global scope/, 'STRIPE_API_KEY', {
        rejected: [
          { answer: '', message: /Type STRIPE_API_KEY exactly/ },
          { answer: 'stripe_api_key', message: /Type STRIPE_API_KEY exactly/ },
          { answer: 'STRIPE_API_KEY ', message: /Type STRIPE_API_KEY exactly/ },
        ],
      }),
    ]);
    await h.run('fluxbaseSecrets.deleteSecret', h.nodes.get('global/STRIPE_API_KEY'));
    h.input.assertDone();
    assert.deepEqual(h.server.all(), []);
    assert.match(h.input.textBoxes[0]!.title, /Delete STRIPE_API_KEY on prod \(production\)/);
  });

  it('deletes nothing when the typed confirmation is dismissed', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], [PROD]);
    h.script([text(/Type A to delete/, CANCEL)]);
    await h.run('fluxbaseSecrets.deleteSecret', h.nodes.get('global/A'));
    h.input.assertDone();
    assert.equal(h.server.all().length, 1);
    assert.deepEqual(h.notifier.shown, []);
  });

  it('keeps the modal on a connection that does not look like production', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], [STAGING]);
    h.script([choose(/Delete the secret "A" from global scope/, 'Delete')]);
    await h.run('fluxbaseSecrets.deleteSecret', h.nodes.get('global/A'));
    h.input.assertDone();
    assert.deepEqual(h.server.all(), []);
  });

  it('uses the configured patterns', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], [STAGING]);
    h.deps.productionPatterns = () => ['staging'];
    h.script([text(/"staging" looks like production/, 'A')]);
    await h.run('fluxbaseSecrets.deleteSecret', h.nodes.get('global/A'));
    h.input.assertDone();
    assert.deepEqual(h.server.all(), []);
  });
});

describe('commands name the connection when there are several', () => {
  it('delete: the confirmation, the progress and the notification say which connection', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], [STAGING, PROD]);
    h.script([choose(/Delete the secret "A" on staging from global scope/, 'Delete')]);
    await h.run('fluxbaseSecrets.deleteSecret', h.nodes.get('global/A'));
    h.input.assertDone();
    assert.deepEqual(h.progress.titles, ['Deleting A on staging…']);
    assert.equal(h.notifier.shown[0]?.message, 'Deleted the secret "A" on staging.');
  });

  it('rollback: the pick, the confirmation, the progress and the notification say which connection', async () => {
    const h = await withSecrets([{ partial: { name: 'A' }, versions: 2 }], [STAGING, PROD]);
    h.script([
      pick(/Roll Back A on staging \(now v2\)/, 'v1'),
      choose(/Roll back "A" on staging to version 1\?/, 'Roll Back'),
    ]);
    await h.run('fluxbaseSecrets.rollbackSecret', h.nodes.get('global/A'));
    h.input.assertDone();
    assert.deepEqual(h.progress.titles, ['Loading the versions of A on staging…', 'Rolling back A on staging…']);
    assert.match(h.notifier.shown[0]!.message, /^Rolled back "A" on staging to version 1/);
  });

  it('update value and edit description say which connection', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], [STAGING, PROD]);
    h.script([text(/makes version 2/, 'new-value')]);
    await h.run('fluxbaseSecrets.updateSecretValue', h.nodes.get('global/A'));
    h.script([text(/Description/, 'new description')]);
    await h.run('fluxbaseSecrets.editDescription', h.nodes.get('global/A'));
    assert.deepEqual(
      h.input.textBoxes.map((box) => box.title),
      ['Edit Description of A on staging'],
    );
    assert.deepEqual(h.progress.titles, ['Updating A on staging…', 'Updating A on staging…']);
    assert.deepEqual(
      h.notifier.shown.map((shown) => shown.message),
      ['Updated the value of "A" on staging: now version 2.', 'Updated the description of "A" on staging.'],
    );
  });

  it('set expiry says which connection', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], [STAGING, PROD]);
    h.script([text(/New expiry/, '30d')]);
    await h.run('fluxbaseSecrets.setExpiry', h.nodes.get('global/A'));
    h.input.assertDone();
    assert.equal(h.input.textBoxes[0]?.title, 'Set Expiry of A on staging');
    assert.deepEqual(h.progress.titles, ['Updating A on staging…']);
    assert.match(h.notifier.shown[0]!.message, /^"A" on staging now expires at /);
  });

  it('with a single connection, nothing names it', async () => {
    const h = await withSecrets([{ partial: { name: 'A' }, versions: 2 }], [STAGING]);
    h.script([pick(/^Roll Back A \(now v2\) \//, 'v1'), choose(/^Roll back "A" to version 1\?/, 'Roll Back')]);
    await h.run('fluxbaseSecrets.rollbackSecret', h.nodes.get('global/A'));
    h.input.assertDone();
    assert.deepEqual(h.progress.titles, ['Loading the versions of A…', 'Rolling back A…']);
  });
});

describe("Set Expiry's delete and re-create asks as Delete does", () => {
  const expiring = () => [{ partial: { name: 'A', expires_at: new Date(SERVER_NOW + DAY).toISOString() } }];

  it('on a production-like connection: type the name (anything else refused), then it deletes and re-creates', async () => {
    const h = await withSecrets(expiring(), [PROD]);
    h.script([
      text(/New expiry/, ''),
      text(/"prod" looks like production\. Type A to delete it from global scope .* and create it again/, 'A', {
        rejected: [
          { answer: 'a', message: /Type A exactly/ },
          { answer: '', message: /Type A exactly/ },
        ],
      }),
      text(/Value of A/, 'new-value', { password: true }),
    ]);
    await h.run('fluxbaseSecrets.setExpiry', h.nodes.get('global/A'));
    h.input.assertDone();
    assert.equal(h.input.textBoxes[1]?.title, 'Delete and Re-create A on prod (production)');
    assert.deepEqual(h.server.calls, ['getById', 'deleteById', 'create', 'list']);
    assert.equal(h.server.all()[0]?.expires_at, undefined);
  });

  it('on a production-like connection: dismissing the typed box deletes nothing', async () => {
    const h = await withSecrets(expiring(), [PROD]);
    h.script([text(/New expiry/, 'none'), text(/Type A to delete it/, CANCEL)]);
    await h.run('fluxbaseSecrets.setExpiry', h.nodes.get('global/A'));
    h.input.assertDone();
    assert.equal(h.input.textBoxes[1]?.title, 'Delete and Re-create A on prod (production)');
    assert.deepEqual(h.server.calls, []);
    assert.equal(h.server.all().length, 1);
  });

  it('with several connections, the modal, the value box, the progress and the notification name the connection', async () => {
    const h = await withSecrets(expiring(), [STAGING, PROD]);
    h.script([
      text(/New expiry/, ''),
      choose(/cannot remove an expiry/, 'Delete and Re-create', /To make "A" on staging never expire/),
      text(/Value of A/, 'new-value'),
    ]);
    await h.run('fluxbaseSecrets.setExpiry', h.nodes.get('global/A'));
    h.input.assertDone();
    assert.equal(h.input.textBoxes[1]?.title, 'Re-create A on staging');
    assert.deepEqual(h.progress.titles, ['Re-creating A on staging…']);
    assert.equal(h.notifier.shown[0]?.message, 'Re-created "A" on staging without an expiry.');
  });
});

describe('Create Secret and Copy Name name the connection when there are several', () => {
  const createSteps = () => [text(/Name of the secret/, 'NEW_KEY'), text(/Description/, ''), text(/Expiry/, '')];

  it('create: the progress title and the success notification say which connection', async () => {
    const h = await withSecrets([], [STAGING, PROD]);
    h.script(createSteps());
    await h.run('fluxbaseSecrets.createSecret', { connectionId: STAGING.id, scope: 'global', value: 'v' });
    h.input.assertDone();
    assert.deepEqual(h.progress.titles, ['Creating secret NEW_KEY on staging…']);
    assert.match(h.notifier.shown[0]!.message, /^Created secret "NEW_KEY" on staging globally: /);
  });

  it('create with one connection names none', async () => {
    const h = await withSecrets([], [STAGING]);
    h.script(createSteps());
    await h.run('fluxbaseSecrets.createSecret', { connectionId: STAGING.id, scope: 'global', value: 'v' });
    assert.deepEqual(h.progress.titles, ['Creating secret NEW_KEY…']);
    assert.match(h.notifier.shown[0]!.message, /^Created secret "NEW_KEY" globally: /);
  });

  it('copy name', async () => {
    const h = await withSecrets([{ partial: { name: 'A' } }], [STAGING, PROD]);
    await h.run('fluxbaseSecrets.copyName', h.nodes.get('global/A'));
    assert.equal(h.notifier.shown[0]?.message, 'Copied "A" on staging.');
  });

  it('what a function in a namespace sees: the pick title', async () => {
    const h = await withSecrets([{ partial: { name: 'A', scope: 'namespace', namespace: 'ns' } }], [STAGING, PROD]);
    h.script([pick(/^A function in namespace "ns" on staging sees 1 secret variable/, 'FLUXBASE_SECRET_A')]);
    await h.run('fluxbaseSecrets.showEffectiveVariables', {
      kind: 'namespace',
      connectionId: STAGING.id,
      namespace: 'ns',
    });
    h.input.assertDone();
    assert.deepEqual(h.clipboard.texts, ['Deno.env.get("FLUXBASE_SECRET_A")'], 'the scripted pick was the one asked');
  });
});
