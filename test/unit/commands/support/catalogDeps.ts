import type { CommandDeps } from '../../../../src/core/commands/commandDeps';
import type { Connection } from '../../../../src/core/connections/connection';
import type { SecretCatalog } from '../../../../src/core/explorer/secretCatalog';

/** A connection the registry lists but nobody is signed in to. */
export const SIGNED_OUT = { id: 'gone', name: 'Gone' };

/**
 * The registry and store a catalog-based test needs: the registry lists the
 * catalog's (signed-in) connections plus SIGNED_OUT; the store has a client
 * for exactly the catalog's connections and a state for every listed one,
 * read at each call.
 */
export function catalogDeps(catalog: SecretCatalog): Pick<CommandDeps, 'registry' | 'store'> {
  const signedIn = () => catalog.connections();
  const registry = {
    list: (): Connection[] =>
      [...signedIn(), SIGNED_OUT].map(({ id, name }) => ({
        id,
        name,
        url: `https://${id}.example.com`,
        source: 'settings',
      })),
  };
  const isSignedIn = (id: string) => signedIn().some((connection) => connection.id === id);
  const store = {
    clientFor: (id: string) => (isSignedIn(id) ? {} : undefined),
    // a state for every listed connection, as the store keeps one: none means removed
    connection: (id: string) =>
      registry.list().some((connection) => connection.id === id)
        ? { id, status: isSignedIn(id) ? 'ready' : 'signedOut' }
        : undefined,
  };
  return {
    registry: registry as unknown as CommandDeps['registry'],
    store: store as unknown as CommandDeps['store'],
  };
}
