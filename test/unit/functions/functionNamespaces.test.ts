import * as assert from 'node:assert/strict';
import type { RunnableUnit, SharedModule } from '../../../src/core/functions/codeUnit';
import {
  declaredNamespacesFor,
  globToRegExp,
  keyMatches,
  parseNamespaceMapping,
  withDeclaredNamespaces,
} from '../../../src/core/functions/declaredNamespaces';
import {
  resolveFunctionContext,
  type ConnectionRegistry,
  type RegistryConnection,
} from '../../../src/core/functions/functionNamespaces';

const CHARGE: RunnableUnit = {
  kind: 'function',
  name: 'charge-customer',
  form: 'flat',
  root: 'fluxbase/functions/charge-customer.ts',
};
const NIGHTLY: RunnableUnit = { kind: 'job', name: 'nightly', form: 'flat', root: 'fluxbase/jobs/nightly.ts' };

function registry(functions: [string, string][], jobs: [string, string][] = []): ConnectionRegistry {
  const units = (list: [string, string][]) => list.map(([name, namespace]) => ({ name, namespace }));
  return {
    functions: { state: 'listed', units: units(functions) },
    jobs: { state: 'listed', units: units(jobs) },
  };
}

function connection(registryValue: ConnectionRegistry | undefined, id = 'local', name = 'Local'): RegistryConnection {
  return { id, name, registry: registryValue };
}

describe('Function namespaces: deployed, then declared, then default, per connection', () => {
  it('deployed namespaces win: every namespace the registry lists the name in', () => {
    const context = resolveFunctionContext(
      CHARGE,
      [
        connection(
          registry([
            ['charge-customer', 'billing'],
            ['charge-customer', 'staging'],
            ['other', 'x'],
          ]),
        ),
      ],
      parseNamespaceMapping({ 'fluxbase/functions': 'declared-ns' }),
    );
    assert.deepEqual(context?.connections[0]?.namespaces, [
      { namespace: 'billing', source: 'deployed' },
      { namespace: 'staging', source: 'deployed' },
    ]);
    assert.equal(context?.connections[0]?.unavailable, undefined);
  });

  it('declared namespaces apply where the name is not deployed; default otherwise', () => {
    const mapping = parseNamespaceMapping({ 'fluxbase/functions/charge-*.ts': ['billing', 'audit'] });
    const declared = resolveFunctionContext(CHARGE, [connection(registry([['other', 'x']]))], mapping);
    assert.deepEqual(declared?.connections[0]?.namespaces, [
      { namespace: 'audit', source: 'declared' },
      { namespace: 'billing', source: 'declared' },
    ]);
    const fallback = resolveFunctionContext(CHARGE, [connection(registry([]))], {});
    assert.deepEqual(fallback?.connections[0]?.namespaces, [{ namespace: 'default', source: 'default' }]);
  });

  it('each connection resolves on its own: deployed on one, declared on the other', () => {
    const context = resolveFunctionContext(
      CHARGE,
      [
        connection(registry([['charge-customer', 'billing']]), 'prod', 'Prod'),
        connection(registry([]), 'local', 'Local'),
      ],
      parseNamespaceMapping({ 'fluxbase/functions': 'dev' }),
    );
    assert.deepEqual(
      context?.connections.map((c) => [c.connectionName, c.namespaces.map((n) => `${n.namespace}:${n.source}`)]),
      [
        ['Prod', ['billing:deployed']],
        ['Local', ['dev:declared']],
      ],
    );
  });

  it('jobs are looked up in the jobs listing, functions in the functions listing', () => {
    const listed = registry([['nightly', 'fn-ns']], [['nightly', 'jobs-ns']]);
    assert.deepEqual(resolveFunctionContext(NIGHTLY, [connection(listed)], {})?.connections[0]?.namespaces, [
      { namespace: 'jobs-ns', source: 'deployed' },
    ]);
  });

  it('a function deployed with namespace "" keeps it (filesystem loader, functions create)', () => {
    const context = resolveFunctionContext(CHARGE, [connection(registry([['charge-customer', '']]))], {});
    assert.deepEqual(context?.connections[0]?.namespaces, [{ namespace: '', source: 'deployed' }]);
  });

  it('a connection that cannot list falls back to declared/default and keeps the reason', () => {
    const cannot: ConnectionRegistry = {
      functions: { state: 'unavailable', reason: 'this credential cannot list functions (403)' },
      jobs: { state: 'listed', units: [] },
    };
    const context = resolveFunctionContext(CHARGE, [connection(cannot)], {});
    assert.deepEqual(context?.connections[0]?.namespaces, [{ namespace: 'default', source: 'default' }]);
    assert.equal(context?.connections[0]?.unavailable, 'this credential cannot list functions (403)');
    const notYet = resolveFunctionContext(CHARGE, [connection(undefined)], {});
    assert.equal(notYet?.connections[0]?.unavailable, 'not listed yet');
  });

  it('a _shared module runs in every namespace of the functions of its directory, with the strongest source', () => {
    const refund: RunnableUnit = { kind: 'function', name: 'refund', form: 'index', root: 'fluxbase/functions/refund' };
    const notify: RunnableUnit = {
      kind: 'function',
      name: 'notify',
      form: 'flat',
      root: 'fluxbase/functions/notify.ts',
    };
    const shared: SharedModule = { kind: 'shared', resource: 'functions', importers: [CHARGE, refund, notify] };
    const context = resolveFunctionContext(
      shared,
      [
        connection(
          registry([
            ['charge-customer', 'billing'],
            ['notify', 'notifications'],
          ]),
        ),
      ],
      parseNamespaceMapping({ 'fluxbase/functions/refund': 'billing' }),
    );
    assert.deepEqual(context?.connections[0]?.namespaces, [
      { namespace: 'billing', source: 'deployed', via: ['charge-customer', 'refund'] },
      { namespace: 'notifications', source: 'deployed', via: ['notify'] },
    ]);
  });

  it('files that are not functions, and shared modules of an empty directory, have no context', () => {
    assert.equal(resolveFunctionContext({ kind: 'none' }, [connection(registry([]))], {}), undefined);
    assert.equal(
      resolveFunctionContext({ kind: 'shared', resource: 'functions', importers: [] }, [connection(registry([]))], {}),
      undefined,
    );
  });
});

describe('Declared namespaces: the setting mapping folders and globs to namespaces', () => {
  it('keeps string or string-list values, trimmed and unique; drops anything else', () => {
    assert.deepEqual(
      parseNamespaceMapping({
        a: 'billing',
        b: [' x ', 'x', 3, ''],
        c: 5,
        d: [],
        ' ': 'y',
      }),
      { a: ['billing'], b: ['x'] },
    );
    assert.deepEqual(parseNamespaceMapping(['a']), {});
    assert.deepEqual(parseNamespaceMapping(null), {});
  });

  it('a folder key matches itself and everything below it, not a sibling with the same prefix', () => {
    assert.ok(keyMatches('fluxbase/functions', 'fluxbase/functions/a.ts'));
    assert.ok(keyMatches('./fluxbase/functions/', 'fluxbase/functions/a.ts'));
    assert.ok(keyMatches('fluxbase/functions/a.ts', 'fluxbase/functions/a.ts'));
    assert.ok(!keyMatches('fluxbase/functions', 'fluxbase/functions-old/a.ts'));
    assert.ok(keyMatches('.', 'anything.ts'));
  });

  it('globs: * and ? stay in one folder, ** crosses folders, {a,b} is either, dots are literal', () => {
    assert.ok(globToRegExp('fluxbase/functions/charge-*.ts').test('fluxbase/functions/charge-customer.ts'));
    assert.ok(!globToRegExp('fluxbase/*.ts').test('fluxbase/functions/a.ts'));
    assert.ok(globToRegExp('**/billing-*').test('x/y/billing-a'));
    assert.ok(globToRegExp('**/billing-*').test('billing-a'));
    assert.ok(globToRegExp('f/{a,b}.ts').test('f/b.ts'));
    assert.ok(!globToRegExp('f/{a,b}.ts').test('f/c.ts'));
    assert.ok(!globToRegExp('f/a.ts').test('f/aXts'));
    assert.ok(globToRegExp('f/?.ts').test('f/a.ts'));
  });

  it('every matching key contributes: one directory synced into two namespaces', () => {
    const mapping = parseNamespaceMapping({ 'fluxbase/functions': 'staging', 'fluxbase/functions/*.ts': 'production' });
    assert.deepEqual(declaredNamespacesFor(mapping, 'fluxbase/functions/a.ts'), {
      namespaces: ['production', 'staging'],
      keys: ['fluxbase/functions', 'fluxbase/functions/*.ts'],
    });
    assert.equal(declaredNamespacesFor(mapping, 'src/a.ts'), undefined);
  });

  it('writing a key keeps the others, stores one namespace as a string, and an empty list removes the key', () => {
    const mapping = parseNamespaceMapping({ a: 'x', b: ['y', 'z'] });
    assert.deepEqual(withDeclaredNamespaces(mapping, 'c', ['billing']), { a: 'x', b: ['y', 'z'], c: 'billing' });
    assert.deepEqual(withDeclaredNamespaces(mapping, 'a', ['p', ' q ', 'p']), { a: ['p', 'q'], b: ['y', 'z'] });
    assert.deepEqual(withDeclaredNamespaces(mapping, 'b', []), { a: 'x' });
  });
});
