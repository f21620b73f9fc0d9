import { FluxbaseApiError } from '../api/fluxbaseApiError';
import type { CatalogEntry, SecretCatalog } from '../code/secretCatalog';
import type { ClientPort } from '../connections/clientPort';
import type { HistorySource } from '../history/historySource';
import type { SecretsStore } from './secretsStore';
import type { SecretRef } from './secretRef';

/** The part of the store the adapters read. */
export type AdaptedStore = Pick<SecretsStore<ClientPort>, 'connections' | 'clientFor' | 'refresh' | 'onDidChange'>;

/**
 * The history panel's source over the explorer's store: reads and rollback
 * go through the connection's signed-in client by id (contract §8.3), a
 * signed-out connection fails as `auth`, and changes come from the store.
 */
export function historySourceOverStore(store: AdaptedStore): HistorySource {
  const client = (ref: SecretRef): ClientPort => {
    const signedIn = store.clientFor(ref.connectionId);
    if (!signedIn) {
      throw new FluxbaseApiError('auth', 'Not signed in to this connection');
    }
    return signedIn;
  };
  return {
    getSecret: async (ref) => client(ref).secrets.getById(ref.id),
    getVersions: async (ref) => client(ref).secrets.getVersionsById(ref.id),
    rollback: async (ref, version) => client(ref).secrets.rollbackById(ref.id, version),
    onDidChange: (listener) => store.onDidChange(listener),
    isSignedIn: (connectionId) => store.clientFor(connectionId) !== undefined,
    refresh: (connectionId) => store.refresh(connectionId),
  };
}

/**
 * The code features' catalog over the explorer's store: the last listed
 * secrets of every ready connection, and every signed-in connection.
 */
export function catalogOverStore(store: AdaptedStore): SecretCatalog {
  return {
    entries: () =>
      store
        .connections()
        .filter((state) => state.status === 'ready')
        .flatMap((state) =>
          state.secrets.map((secret): CatalogEntry => ({ connectionId: state.id, connectionName: state.name, secret })),
        ),
    connections: () =>
      store
        .connections()
        .filter((state) => store.clientFor(state.id) !== undefined)
        .map((state) => ({ id: state.id, name: state.name })),
    onDidChange: (listener) => store.onDidChange(listener),
  };
}
