import * as assert from 'node:assert/strict';
import { ENVIRONMENT_CONNECTION_ID, type Connection } from '../../../src/core/connections/connection';
import { ACCESS_TOKEN, SERVICE_KEY } from './support/fakeFluxbase';
import { settingsConnection } from './support/fakes';
import { storeSetup } from './support/storeSetup';

const environment: Connection = {
  id: ENVIRONMENT_CONNECTION_ID,
  name: 'Environment',
  url: 'https://env.example.com',
  source: 'environment',
};

describe('ConnectionSessions', () => {
  it('restores a session from the stored credentials and applies them to a new client', async () => {
    const { sessions, credentials } = storeSetup();
    const connection = settingsConnection('Prod');
    await credentials.set(connection.id, { type: 'session', accessToken: ACCESS_TOKEN, refreshToken: 'r' });
    const client = await sessions.restore(connection);
    assert.deepEqual(client?.auth.credentials, { type: 'session', accessToken: ACCESS_TOKEN, refreshToken: 'r' });
    assert.equal(sessions.clientFor(connection.id), client);
  });

  it('shares one restore between concurrent callers', async () => {
    const { sessions, credentials, serverFor } = storeSetup();
    const connection = settingsConnection('Prod');
    await credentials.set(connection.id, { type: 'serviceKey', key: SERVICE_KEY });
    const [a, b] = await Promise.all([sessions.restore(connection), sessions.restore(connection)]);
    assert.equal(a, b);
    assert.equal(serverFor(connection.url).clients.length, 1);
  });

  it('persists credentials the client refreshes on its own', async () => {
    const { sessions, credentials } = storeSetup();
    const connection = settingsConnection('Prod');
    await credentials.set(connection.id, { type: 'session', accessToken: ACCESS_TOKEN, refreshToken: 'r' });
    const client = (await sessions.restore(connection))!;
    client.auth.simulateRefresh('access-refreshed');
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(await credentials.get(connection.id), {
      type: 'session',
      accessToken: 'access-refreshed',
      refreshToken: 'refresh-1',
    });
  });

  it('on sign-out deletes the stored credentials, forgets them in the client and closes it', async () => {
    const { sessions, credentials } = storeSetup();
    const connection = settingsConnection('Prod');
    await credentials.set(connection.id, { type: 'serviceKey', key: SERVICE_KEY });
    const client = (await sessions.restore(connection))!;
    await sessions.signOut(connection);
    assert.equal(await credentials.get(connection.id), undefined);
    assert.deepEqual(client.auth.credentials, { type: 'none' });
    assert.equal(client.closed, true);
    assert.equal(sessions.clientFor(connection.id), undefined);
  });

  it('adopts a signed-in client and stores its credentials for the next session', async () => {
    const { sessions, credentials, serverFor } = storeSetup();
    const connection = settingsConnection('Prod');
    const client = sessions.newClient(connection);
    client.auth.useServiceKey(SERVICE_KEY);
    await sessions.adopt(connection, client);
    assert.equal(sessions.clientFor(connection.id), client);
    assert.deepEqual(await credentials.get(connection.id), { type: 'serviceKey', key: SERVICE_KEY });
    assert.equal(serverFor(connection.url).calls.length, 0);
  });

  it('refuses to adopt a client that holds no credentials', async () => {
    const { sessions } = storeSetup();
    const connection = settingsConnection('Prod');
    await assert.rejects(sessions.adopt(connection, sessions.newClient(connection)), /no credentials/);
  });

  it('uses the environment’s service key without ever storing it, and honours sign-out for the session', async () => {
    const env = new Map([[environment.id, { type: 'serviceKey' as const, key: 'sk_from_env_0123456' }]]);
    const { sessions, credentials } = storeSetup([environment], env);
    const client = await sessions.restore(environment);
    assert.deepEqual(client?.auth.credentials, { type: 'serviceKey', key: 'sk_from_env_0123456' });
    client!.auth.simulateRefresh('x');
    await sessions.signOut(environment);
    assert.deepEqual(credentials.writes, [], 'nothing about the environment connection reaches the credential store');
    assert.equal(await sessions.restore(environment), undefined, 'signed out stays signed out');
    sessions.resumeEnvironment(environment.id);
    assert.ok(await sessions.restore(environment));
  });

  it('a restore that was overtaken by a sign-out does not resurrect the session', async () => {
    const { sessions, credentials } = storeSetup();
    const connection = settingsConnection('Prod');
    await credentials.set(connection.id, { type: 'serviceKey', key: SERVICE_KEY });
    const restoring = sessions.restore(connection);
    await sessions.signOut(connection);
    assert.equal(await restoring, undefined);
    assert.equal(sessions.clientFor(connection.id), undefined);
  });

  it('closes the sessions of connections that are gone but keeps their stored credentials', async () => {
    const { sessions, credentials } = storeSetup();
    const connection = settingsConnection('Prod');
    await credentials.set(connection.id, { type: 'serviceKey', key: SERVICE_KEY });
    const client = (await sessions.restore(connection))!;
    sessions.retain(new Set());
    assert.equal(client.closed, true);
    assert.ok(await credentials.get(connection.id));
  });
});
