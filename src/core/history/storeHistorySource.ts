import { FluxbaseApiError } from '../api/fluxbaseApiError';
import type { AuthPort, SecretsPort } from '../connections/clientPort';
import { SignedInUsers } from '../connections/signedInUsers';
import type { Disposable } from '../../shared/disposable';
import type { ConnectionStatus } from '../explorer/secretsStore';
import type { HistorySource } from './historySource';
import type { ConnectionNaming } from './historyView';

/** The part of the explorer's `SecretsStore` that the history panel reads through. */
export interface HistoryStorePort {
  clientFor(
    connectionId: string,
  ): { readonly secrets: SecretsPort; readonly auth: Pick<AuthPort, 'credentials' | 'me'> } | undefined;
  connection(connectionId: string): { readonly status: ConnectionStatus } | undefined;
  connections(): readonly ConnectionNaming[];
  onDidChange(listener: () => void): Disposable;
  refresh(connectionId?: string): Promise<void>;
  markSessionExpired(connectionId: string, message: string): void;
}

/**
 * The HistorySource of the extension: the store's signed-in clients on the
 * ID routes, its change events, and its refresh for the tree. Refused
 * credentials mark the session expired, as the explorer's commands do; an
 * expired session then counts as signed out, so that the panel does not ask
 * the server again on the change event that marking fires. The signed-in
 * user is asked once per session (see SignedInUsers), for all panels.
 */
export function createStoreHistorySource(store: HistoryStorePort): HistorySource {
  const users = new SignedInUsers();
  async function withSecrets<T>(connectionId: string, task: (secrets: SecretsPort) => Promise<T>): Promise<T> {
    const client = store.clientFor(connectionId);
    if (client === undefined) {
      throw new FluxbaseApiError('auth', 'Not signed in to this connection.');
    }
    try {
      return await task(client.secrets);
    } catch (error) {
      if (FluxbaseApiError.is(error, 'auth')) {
        store.markSessionExpired(connectionId, error.message);
      }
      throw error;
    }
  }

  return {
    getSecret: (ref) => withSecrets(ref.connectionId, (secrets) => secrets.getById(ref.id)),
    getVersions: (ref) => withSecrets(ref.connectionId, (secrets) => secrets.getVersionsById(ref.id)),
    rollback: (ref, version) => withSecrets(ref.connectionId, (secrets) => secrets.rollbackById(ref.id, version)),
    onDidChange: (listener) => store.onDidChange(listener),
    isSignedIn: (connectionId) => {
      const status = store.connection(connectionId)?.status;
      return store.clientFor(connectionId) !== undefined && status !== 'sessionExpired' && status !== 'signedOut';
    },
    refresh: (connectionId) => store.refresh(connectionId),
    connections: () => store.connections().map(({ id, name, url }) => ({ id, name, url })),
    currentUser: async (connectionId) => {
      const client = store.clientFor(connectionId);
      return client === undefined ? undefined : users.userOf(client);
    },
  };
}
