import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { plainDataEqual } from '../../../src/core/explorer/plainDataEqual';

describe('plainDataEqual', () => {
  it('compares primitives, arrays in order and objects by their own keys', () => {
    assert.ok(plainDataEqual('a', 'a'));
    assert.ok(plainDataEqual(Number.NaN, Number.NaN));
    assert.ok(!plainDataEqual(1, '1'));
    assert.ok(!plainDataEqual(null, {}));
    assert.ok(!plainDataEqual(undefined, null));
    assert.ok(plainDataEqual([1, { a: [2, 3] }], [1, { a: [2, 3] }]));
    assert.ok(!plainDataEqual([1, 2], [2, 1]), 'order matters in arrays');
    assert.ok(!plainDataEqual([1, 2], [1, 2, 3]));
    assert.ok(!plainDataEqual([], {}), 'an array is not an object with no keys');
    assert.ok(!plainDataEqual({}, []));
    assert.ok(plainDataEqual({ a: 1, b: 'x' }, { b: 'x', a: 1 }), 'key order does not matter');
    assert.ok(!plainDataEqual({ a: 1 }, { a: 1, b: 2 }), 'an extra key differs');
    assert.ok(!plainDataEqual({ a: 1, b: 2 }, { a: 1 }), 'a missing key differs');
    assert.ok(!plainDataEqual({ a: undefined }, {}), 'a key set to undefined differs from no key');
    assert.ok(!plainDataEqual({ a: undefined }, { b: undefined }));
    assert.ok(!plainDataEqual({ a: { b: 1 } }, { a: { b: 2 } }), 'nested values are compared');
  });

  it('agrees with isDeepStrictEqual on a changed secret list, field by field', () => {
    const secret = {
      id: 'id-1',
      name: 'API_KEY',
      scope: 'namespace',
      namespace: 'payments',
      version: 2,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-02T00:00:00Z',
      is_expired: false,
    };
    const variants: Record<string, unknown>[] = [
      { ...secret },
      { ...secret, version: 3 },
      { ...secret, is_expired: true },
      { ...secret, description: 'new' },
      { ...secret, namespace: undefined },
      { ...secret, extra: { nested: [1] } },
    ];
    for (const a of variants) {
      for (const b of variants) {
        assert.equal(
          plainDataEqual([a], [b]),
          isDeepStrictEqual([a], [b]),
          `${JSON.stringify(a)} vs ${JSON.stringify(b)}`,
        );
      }
    }
  });
});
