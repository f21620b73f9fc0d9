import * as assert from 'node:assert/strict';
import {
  connectionIdIn,
  parseCommandArgument,
  prefillIn,
  SECRETS_VIEW_KEY_ARGUMENT,
  secretRefIn,
} from '../../../src/core/commandArgument';
import { historyPanelKey } from '../../../src/core/history/historyView';
import { stripeRef } from '../history/historyFixtures';

/** What showHistory reads of its argument: the one parser's SecretRef view. */
const secretRefFromArgument = (argument: unknown) => secretRefIn(parseCommandArgument(argument));

describe('secretRefFromArgument', () => {
  it('accepts a SecretRef', () => {
    assert.deepEqual(secretRefFromArgument(stripeRef), stripeRef);
  });

  it('accepts a tree node that carries a ref, and keeps only the ref fields', () => {
    const node = { kind: 'secret', ref: { ...stripeRef, valueHint: 'do not carry' }, label: 'STRIPE_KEY' };
    assert.deepEqual(secretRefFromArgument(node), stripeRef);
  });

  it('gives undefined for no argument or anything else', () => {
    for (const argument of [undefined, null, 'STRIPE_KEY', { ref: { id: 'x' } }, { kind: 'connection' }, [stripeRef]]) {
      assert.equal(secretRefFromArgument(argument), undefined, JSON.stringify(argument));
    }
  });
});

describe('parseCommandArgument', () => {
  it('tells apart each thing VS Code passes a command', () => {
    const uriLike = Object.assign(Object.create({ fsPath: '/w/.env' }) as object, {
      scheme: 'file',
      path: '/w/.env',
      toString: () => 'file:///w/.env',
    });
    const cases: [unknown, string][] = [
      [undefined, 'none'],
      [42, 'none'],
      [SECRETS_VIEW_KEY_ARGUMENT, 'viewKey'],
      [{ kind: 'namespace', namespace: 'ns', connectionId: 'c' }, 'treeNode'],
      [stripeRef, 'secretRef'],
      ['connection-id', 'connectionId'],
      [uriLike, 'file'],
      [{ uri: 'file:///a.ts', start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }, 'codeRange'],
      [{ name: 'FROM_QUICK_FIX' }, 'prefill'],
    ];
    for (const [raw, kind] of cases) {
      assert.equal(parseCommandArgument(raw).kind, kind, String(raw));
    }
    assert.deepEqual(parseCommandArgument(uriLike), { kind: 'file', uri: 'file:///w/.env' });
  });

  it('reads the connection of an id, a row, a SecretRef and a prefill, and of nothing else', () => {
    assert.equal(connectionIdIn(parseCommandArgument('c1')), 'c1');
    assert.equal(connectionIdIn(parseCommandArgument({ kind: 'connection', connectionId: 'c2' })), 'c2');
    assert.equal(connectionIdIn(parseCommandArgument(stripeRef)), stripeRef.connectionId);
    assert.equal(connectionIdIn(parseCommandArgument({ connectionId: 'c3', name: 'N' })), 'c3');
    assert.equal(connectionIdIn(parseCommandArgument(SECRETS_VIEW_KEY_ARGUMENT)), undefined);
  });
});

describe('the create flow’s prefill (prefillIn)', () => {
  /** The create flow's prefill, read from what VS Code passes by the one argument parser. */
  const prefillOf = (arg: unknown) => prefillIn(parseCommandArgument(arg));

  it('reads prefills and tree nodes into the same shape', () => {
    assert.deepEqual(prefillOf(undefined), {});
    assert.deepEqual(prefillOf({ kind: 'scope', scope: 'global', connectionId: 'c' }), {
      connectionId: 'c',
      scope: 'global',
    });
    assert.deepEqual(prefillOf({ kind: 'scope', scope: 'namespaces', connectionId: 'c' }), {
      connectionId: 'c',
      scope: 'namespace',
    });
    assert.deepEqual(prefillOf({ kind: 'secret', connectionId: 'c', ref: {} }), { connectionId: 'c' });
    assert.deepEqual(prefillOf({ name: 'N', namespace: 'ns', value: 5 }), {
      name: 'N',
      scope: 'namespace',
      namespace: 'ns',
    });
    assert.deepEqual(prefillOf({ scope: 'global', namespace: 'ns' }), { scope: 'global' });
  });

  it('keeps a known origin and a suggested name, and drops anything else in their place', () => {
    assert.deepEqual(prefillOf({ name: 'N', nameSuggested: true, origin: 'code' }), {
      name: 'N',
      nameSuggested: true,
      origin: 'code',
    });
    assert.deepEqual(prefillOf({ name: 'N', nameSuggested: 'yes', origin: '<b>evil</b>' }), { name: 'N' });
  });
});

describe('historyPanelKey', () => {
  it('is the same for the same secret of the same connection and differs otherwise', () => {
    assert.equal(historyPanelKey(stripeRef), historyPanelKey({ ...stripeRef, name: 'renamed' }));
    assert.notEqual(historyPanelKey(stripeRef), historyPanelKey({ ...stripeRef, connectionId: 'other' }));
    assert.notEqual(historyPanelKey(stripeRef), historyPanelKey({ ...stripeRef, id: 'other' }));
  });
});
