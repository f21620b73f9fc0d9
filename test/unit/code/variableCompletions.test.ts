import * as assert from 'node:assert/strict';
import { CatalogIndex } from '../../../src/core/code/catalogIndex';
import { writeSecretName } from '../../../src/core/code/secretNameWriter';
import { VariableCompletions, type VariableCompletion } from '../../../src/core/code/variableCompletions';
import type { JsQuote } from '../../../src/core/jsString';
import { turnsDuring } from '../../support/eventLoopTurns';
import { NOW, daysFromNow, entry } from './catalogFixtures';
import { FakeCatalog } from './fakeCatalog';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function later(ms: number): Date {
  return new Date(NOW.getTime() + ms);
}

function completionsOver(catalog: FakeCatalog): { completions: VariableCompletions; index: CatalogIndex } {
  const index = new CatalogIndex(catalog);
  return { completions: new VariableCompletions(() => index.byVariable()), index };
}

function named(list: readonly VariableCompletion[], variable: string): VariableCompletion {
  const found = list.find((completion) => completion.variable === variable);
  assert.ok(found, `${variable} is offered`);
  return found;
}

describe('VariableCompletions: item data kept between completion requests', () => {
  it('answers a second request from what the first resolved while the catalog is unchanged', () => {
    const catalog = new FakeCatalog([entry({ name: 'A', description: 'first' })]);
    const { completions, index } = completionsOver(catalog);
    const first = named(completions.at(NOW), 'FLUXBASE_SECRET_A');
    const second = named(completions.at(later(HOUR)), 'FLUXBASE_SECRET_A');
    assert.equal(second, first);
    assert.equal(second.resolution, first.resolution, 'not resolved again');
    assert.equal(second.detail(later(HOUR)), 'global · first');
    index.dispose();
  });

  it('is rebuilt after a catalog change: a refresh with a new description, a secret added, one removed', () => {
    const catalog = new FakeCatalog([entry({ name: 'A', description: 'first' }), entry({ name: 'GONE' })]);
    const { completions, index } = completionsOver(catalog);
    completions.at(NOW);
    catalog.set([entry({ name: 'A', description: 'second' }), entry({ name: 'NEW' })]);
    const after = completions.at(NOW);
    assert.deepEqual(
      after.map((completion) => completion.variable),
      ['FLUXBASE_SECRET_A', 'FLUXBASE_SECRET_NEW'],
    );
    assert.equal(named(after, 'FLUXBASE_SECRET_A').detail(NOW), 'global · second');
    index.dispose();
  });

  it('follows a sign-in and a sign-out: the connections named in the detail, the signed-out one gone', () => {
    const local = { id: 'local', name: 'Local' };
    const prod = { id: 'prod', name: 'Prod' };
    const catalog = new FakeCatalog([entry({ name: 'K' }, local)], [local]);
    const { completions, index } = completionsOver(catalog);
    assert.equal(named(completions.at(NOW), 'FLUXBASE_SECRET_K').detail(NOW), 'global');
    catalog.set([entry({ name: 'K' }, local), entry({ name: 'K' }, prod), entry({ name: 'P' }, prod)], [local, prod]);
    assert.equal(named(completions.at(NOW), 'FLUXBASE_SECRET_K').detail(NOW), 'global · Local, Prod');
    catalog.set([entry({ name: 'K' }, local)], [local]);
    const signedOut = completions.at(NOW);
    assert.deepEqual(
      signedOut.map((completion) => completion.variable),
      ['FLUXBASE_SECRET_K'],
    );
    assert.equal(named(signedOut, 'FLUXBASE_SECRET_K').detail(NOW), 'global');
    index.dispose();
  });

  it('resolves a variable again when a secret of it starts expiring and when it expires', () => {
    const expiresAt = NOW.getTime() + 7 * DAY + HOUR;
    const catalog = new FakeCatalog([
      entry({ name: 'SOON', expires_at: new Date(expiresAt).toISOString() }),
      entry({ name: 'STEADY' }),
    ]);
    const { completions, index } = completionsOver(catalog);
    const active = named(completions.at(NOW), 'FLUXBASE_SECRET_SOON');
    assert.equal(active.sortText, '0FLUXBASE_SECRET_SOON');
    assert.equal(active.detail(NOW), 'global');
    const steady = named(completions.at(NOW), 'FLUXBASE_SECRET_STEADY').resolution;

    const twoHoursLater = later(2 * HOUR);
    const expiring = named(completions.at(twoHoursLater), 'FLUXBASE_SECRET_SOON');
    assert.equal(expiring.sortText, '1FLUXBASE_SECRET_SOON');
    assert.equal(expiring.detail(twoHoursLater), 'global · expires in 7 days');
    assert.equal(expiring.deprecated, false);

    const afterExpiry = new Date(expiresAt + 10_000);
    const expired = named(completions.at(afterExpiry), 'FLUXBASE_SECRET_SOON');
    assert.equal(expired.sortText, '2FLUXBASE_SECRET_SOON');
    assert.equal(expired.deprecated, true);
    assert.equal(expired.detail(afterExpiry), 'global · expired just now');
    assert.equal(named(completions.at(afterExpiry), 'FLUXBASE_SECRET_STEADY').resolution, steady, 'kept');
    index.dispose();
  });

  it("writes an expiring secret's relative expiry at the time asked, without resolving it again", () => {
    const catalog = new FakeCatalog([entry({ name: 'SOON', expires_at: daysFromNow(3) })]);
    const { completions, index } = completionsOver(catalog);
    const first = named(completions.at(NOW), 'FLUXBASE_SECRET_SOON');
    assert.equal(first.detail(NOW), 'global · expires in 3 days');
    const dayLater = later(DAY);
    const second = named(completions.at(dayLater), 'FLUXBASE_SECRET_SOON');
    assert.equal(second.resolution, first.resolution);
    assert.equal(second.detail(dayLater), 'global · expires in 2 days');
    index.dispose();
  });

  it('writes a hostile name for the quote of each request, through the one writer', () => {
    const hostile = 'X" + \'y\' + `${z}` + "\\';
    const catalog = new FakeCatalog([entry({ name: hostile })]);
    const { completions, index } = completionsOver(catalog);
    const quotes: JsQuote[] = ['"', "'", '`', '"', "'"];
    for (const quote of quotes) {
      const [completion] = completions.at(NOW);
      assert.ok(completion);
      assert.equal(completion.insertText(quote), writeSecretName(hostile, { kind: 'stringContent', quote }), quote);
    }
    const [completion] = completions.at(NOW);
    assert.notEqual(completion?.insertText('"'), completion?.insertText("'"));
    index.dispose();
  });
});

describe('VariableCompletions.warm: built ahead of the next request, in slices', () => {
  const many = (prefix: string) => Array.from({ length: 40 }, (_, i) => entry({ name: `${prefix}_${i}` }));

  it('builds the new catalog so that the next request finds it ready, the answer the same', async () => {
    const catalog = new FakeCatalog(many('A'));
    const { completions, index } = completionsOver(catalog);
    completions.at(NOW);
    catalog.set(many('B'));
    assert.equal(completions.ready(), false);
    const { turns } = await turnsDuring(() => completions.warm(NOW, 0));
    assert.equal(completions.ready(), true);
    assert.ok(turns >= 20, `other callbacks ran ${turns} times while 40 variables were resolved`);
    const warmed = completions.at(NOW);
    assert.deepEqual(
      warmed.map((completion) => [completion.variable, completion.detail(NOW)]),
      new VariableCompletions(() => index.byVariable()).at(NOW).map((c) => [c.variable, c.detail(NOW)]),
    );
    index.dispose();
  });

  it('a request during the warm-up finishes that build, which the warm-up then leaves alone', async () => {
    const catalog = new FakeCatalog(many('A'));
    const { completions, index } = completionsOver(catalog);
    const warming = completions.warm(NOW, 0);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    const during = completions.at(NOW);
    assert.equal(during.length, 40);
    await warming;
    assert.equal(completions.at(NOW)[0], during[0], 'kept, not replaced by the warm-up');
    index.dispose();
  });
});
