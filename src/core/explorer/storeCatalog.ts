import type { CatalogEntry, SecretCatalog } from './secretCatalog';
import type { ClientPort } from '../connections/clientPort';
import type { SecretsStore } from './secretsStore';

/** The part of the store the catalog reads. */
export type CatalogStore = Pick<SecretsStore<ClientPort>, 'connections' | 'clientFor' | 'onDidChange'>;

/**
 * The code features' catalog over the explorer's store: the last listed
 * secrets of every ready connection, every signed-in connection, and the
 * store's change events. No request of its own.
 */
export function catalogOverStore(store: CatalogStore): SecretCatalog {
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
