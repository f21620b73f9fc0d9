import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../server/startServer';
import { createClient, type FluxbaseClient } from '../../../src/core/api/fluxbaseClient';
import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' };

describe('The client against the local server over real HTTP', function () {
  // Password hashing at login is deliberately slow; give a loaded machine room.
  this.timeout(20_000);

  let server: RunningServer;
  let client: FluxbaseClient;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fluxbase-client-test-'));
    server = await startServer({ port: 0, dataDir, admin: ADMIN, log: () => undefined });
    client = createClient({ url: server.url });
    await client.auth.login(ADMIN);
  });

  after(async () => {
    await client?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs all thirteen SecretsManager methods, by name and by id', async () => {
    const created = await client.secrets.create({
      name: 'STRIPE_KEY',
      value: 'v1',
      scope: 'namespace',
      namespace: 'payments',
    });
    const ns = { namespace: 'payments' };

    assert.equal((await client.secrets.get('STRIPE_KEY', ns)).id, created.id);
    assert.equal((await client.secrets.getById(created.id)).name, 'STRIPE_KEY');
    assert.equal((await client.secrets.update('STRIPE_KEY', { value: 'v2' }, ns)).version, 2);
    assert.equal((await client.secrets.updateById(created.id, { description: 'd' })).description, 'd');
    assert.deepEqual(
      (await client.secrets.getVersions('STRIPE_KEY', ns)).map((v) => v.version),
      [2, 1],
    );
    assert.equal((await client.secrets.getVersionsById(created.id)).length, 2);
    assert.equal((await client.secrets.rollback('STRIPE_KEY', 1, ns)).version, 3);
    assert.equal((await client.secrets.rollbackById(created.id, 2)).version, 4);
    assert.deepEqual(
      (await client.secrets.list({ namespace: 'payments' })).map((s) => s.name),
      ['STRIPE_KEY'],
    );
    assert.equal((await client.secrets.stats()).total, 1);
    await client.secrets.delete('STRIPE_KEY', ns);

    const other = await client.secrets.create({ name: 'OTHER', value: 'x' });
    await client.secrets.deleteById(other.id);
    assert.deepEqual(await client.secrets.list(), []);
  });

  it('reaches a name with special characters through list + id', async () => {
    const name = 'db password/primary?';
    await client.secrets.create({ name, value: 'p1' });

    assert.equal((await client.secrets.update(name, { value: 'p2' })).version, 2);
    assert.equal((await client.secrets.get(name)).name, name);
    await client.secrets.delete(name);
    await assert.rejects(client.secrets.get(name), (error) => FluxbaseApiError.is(error, 'notFound'));
  });

  it('signs in, tells a wrong password apart, reads the user and refreshes', async () => {
    const fresh = createClient({ url: server.url });
    try {
      await assert.rejects(fresh.auth.login({ email: ADMIN.email, password: 'wrong password' }), (error) => {
        assert.ok(FluxbaseApiError.is(error, 'auth'));
        assert.equal(error.message, 'Wrong email or password');
        return true;
      });
      assert.equal((await client.auth.me()).email, ADMIN.email);
      const refreshed = await client.auth.refresh();
      assert.equal(client.auth.credentials.type, 'session');
      assert.ok(refreshed.access_token.length > 0);
      await client.secrets.stats();
    } finally {
      await fresh.close();
    }
  });
});
