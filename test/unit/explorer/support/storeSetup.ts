import type { Connection } from '../../../../src/core/connections/connection';
import type { StoredCredentials } from '../../../../src/core/connections/credentialStore';
import { ConnectionSessions } from '../../../../src/core/connections/connectionSessions';
import { SecretsStore } from '../../../../src/core/explorer/secretsStore';
import { FakeClient, FakeFluxbase, NOW, SERVICE_KEY } from './fakeFluxbase';
import { FakeRegistry, MemoryCredentialStore, RecordingLogger, settingsConnection } from './fakes';

/** A real store and real sessions over fakes: one FakeFluxbase per connection URL. */
export function storeSetup(
  connections: Connection[] = [settingsConnection('Prod')],
  environmentCredentials?: ReadonlyMap<string, StoredCredentials>,
) {
  const servers = new Map<string, FakeFluxbase>();
  const serverFor = (url: string): FakeFluxbase => {
    let server = servers.get(url);
    if (!server) {
      server = new FakeFluxbase(url);
      servers.set(url, server);
    }
    return server;
  };
  const registry = new FakeRegistry(connections);
  const credentials = new MemoryCredentialStore();
  const logger = new RecordingLogger();
  const clock = { now: () => NOW };
  const sessions = new ConnectionSessions<FakeClient>({
    createClient: (connection) => serverFor(connection.url).client(),
    credentials,
    ...(environmentCredentials ? { environmentCredentials } : {}),
    logger,
  });
  const store = new SecretsStore<FakeClient>({ registry, sessions, clock, logger });
  return {
    store,
    sessions,
    registry,
    credentials,
    logger,
    clock,
    serverFor,
    /** Stores a valid service key for the connection, as a past sign-in would have. */
    async signIn(connection: Connection = connections[0]!): Promise<void> {
      await credentials.set(connection.id, { type: 'serviceKey', key: SERVICE_KEY });
      await store.refresh(connection.id);
    },
  };
}
