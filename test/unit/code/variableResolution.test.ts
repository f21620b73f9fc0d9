import * as assert from 'node:assert/strict';
import { expiryStateOf } from '../../../src/shared/expiry';
import { indexByVariable, resolveVariable } from '../../../src/core/code/variableResolution';
import { NOW, daysFromNow, entry } from './catalogFixtures';

function resolve(variable: string, entries: ReturnType<typeof entry>[]) {
  return resolveVariable(variable, indexByVariable(entries).get(variable) ?? [], NOW);
}

describe('expiryStateOf', () => {
  it('is active without an expiry', () => {
    assert.equal(expiryStateOf({ is_expired: false }, NOW), 'active');
  });

  it('is expired when the server says so, whatever the expiry', () => {
    assert.equal(expiryStateOf({ is_expired: true, expires_at: daysFromNow(30) }, NOW), 'expired');
  });

  it('is expired once the expiry is not after now, even if the list was older', () => {
    assert.equal(expiryStateOf({ is_expired: false, expires_at: NOW.toISOString() }, NOW), 'expired');
  });

  it('is expiring strictly within 7 days and active at exactly 7 days', () => {
    assert.equal(expiryStateOf({ is_expired: false, expires_at: daysFromNow(6.99) }, NOW), 'expiring');
    assert.equal(expiryStateOf({ is_expired: false, expires_at: daysFromNow(7) }, NOW), 'active');
  });
});

describe('indexByVariable', () => {
  it('maps each secret to FLUXBASE_SECRET_<UPPER(name)>, and FLUXBASE_ names unchanged', () => {
    const index = indexByVariable([entry({ name: 'stripe_key' }), entry({ name: 'FLUXBASE_CUSTOM' })]);
    assert.deepEqual([...index.keys()], ['FLUXBASE_SECRET_STRIPE_KEY', 'FLUXBASE_CUSTOM']);
  });
});

describe('resolveVariable', () => {
  it('is unknown when no secret provides the variable', () => {
    const resolution = resolve('FLUXBASE_SECRET_NOPE', [entry({ name: 'OTHER' })]);
    assert.equal(resolution.status, 'unknown');
    assert.deepEqual(resolution.providers, []);
  });

  it('finds a global secret by its upper-cased name', () => {
    const resolution = resolve('FLUXBASE_SECRET_API_KEY', [entry({ name: 'api_key' })]);
    assert.equal(resolution.status, 'active');
    assert.equal(resolution.connections[0]?.global[0]?.entry.secret.name, 'api_key');
  });

  it('lets a namespace secret win over the global one of the same variable', () => {
    const resolution = resolve('FLUXBASE_SECRET_KEY', [
      entry({ name: 'KEY' }),
      entry({ name: 'KEY', scope: 'namespace', namespace: 'payments' }),
      entry({ name: 'KEY', scope: 'namespace', namespace: 'alpha' }),
    ]);
    const connection = resolution.connections[0];
    assert.ok(connection);
    assert.equal(connection.global.length, 1);
    assert.deepEqual(
      connection.namespaces.map((n) => [n.namespace, n.overridesGlobal, n.fallsBackToGlobal]),
      [
        ['alpha', true, false],
        ['payments', true, false],
      ],
    );
  });

  it('does not call a namespace secret an override when there is no usable global one', () => {
    const resolution = resolve('FLUXBASE_SECRET_KEY', [
      entry({ name: 'KEY', is_expired: true, expires_at: daysFromNow(-1) }),
      entry({ name: 'KEY', scope: 'namespace', namespace: 'payments' }),
    ]);
    assert.equal(resolution.connections[0]?.namespaces[0]?.overridesGlobal, false);
  });

  it('says functions of a namespace whose secret expired get the global value', () => {
    const resolution = resolve('FLUXBASE_SECRET_KEY', [
      entry({ name: 'KEY' }),
      entry({ name: 'KEY', scope: 'namespace', namespace: 'ns', is_expired: true }),
    ]);
    const group = resolution.connections[0]?.namespaces[0];
    assert.equal(group?.fallsBackToGlobal, true);
    assert.equal(group?.overridesGlobal, false);
    assert.equal(resolution.status, 'expired');
  });

  it('is expiring when a provider expires within 7 days and none has expired', () => {
    const resolution = resolve('FLUXBASE_SECRET_KEY', [
      entry({ name: 'KEY', expires_at: daysFromNow(3) }),
      entry({ name: 'KEY', scope: 'namespace', namespace: 'ns' }),
    ]);
    assert.equal(resolution.status, 'expiring');
    assert.deepEqual(
      resolution.providers.map((p) => p.state),
      ['expiring', 'active'],
    );
  });

  it('groups providers per connection', () => {
    const resolution = resolve('FLUXBASE_SECRET_KEY', [
      entry({ name: 'KEY' }, { id: 'a', name: 'Prod' }),
      entry({ name: 'KEY' }, { id: 'b', name: 'Staging' }),
    ]);
    assert.deepEqual(
      resolution.connections.map((c) => c.connectionName),
      ['Prod', 'Staging'],
    );
    assert.equal(resolution.providers.length, 2);
  });

  it('keeps secrets whose names differ only in case together in one group', () => {
    const resolution = resolve('FLUXBASE_SECRET_KEY', [entry({ name: 'key' }), entry({ name: 'KEY' })]);
    assert.deepEqual(
      resolution.connections[0]?.global.map((p) => p.entry.secret.name),
      ['key', 'KEY'],
    );
  });

  it('groups namespace secrets by connection and namespace, namespaces sorted, however the entries interleave', () => {
    const prod = { id: 'a', name: 'Prod' };
    const staging = { id: 'b', name: 'Staging' };
    const resolution = resolve('FLUXBASE_SECRET_KEY', [
      entry({ name: 'KEY', scope: 'namespace', namespace: 'jobs' }, prod),
      entry({ name: 'key', scope: 'namespace', namespace: 'api' }, prod),
      entry({ name: 'KEY', scope: 'namespace', namespace: 'jobs' }, staging),
      entry({ name: 'Key', scope: 'namespace', namespace: 'jobs' }, prod),
    ]);
    const shape = resolution.connections.map((c) => [
      c.connectionName,
      c.namespaces.map((group) => [group.namespace, group.secrets.map((p) => p.entry.secret.name)]),
    ]);
    assert.deepEqual(shape, [
      [
        'Prod',
        [
          ['api', ['key']],
          ['jobs', ['Key', 'KEY']],
        ],
      ],
      ['Staging', [['jobs', ['KEY']]]],
    ]);
  });
});
