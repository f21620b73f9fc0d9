import { FluxbaseApiError } from '../api/fluxbaseApiError';
import type { ClientPort } from '../connections/clientPort';
import type { Connection } from '../connections/connection';
import { ConnectionError, SignInRequiredError, UserFacingError } from './commandErrors';
import type { CommandDeps } from './commandDeps';

/**
 * Runs `task` with the connection's signed-in client. Refused credentials
 * mark the session expired in the store and, like an unreachable server,
 * end as a ConnectionError that names the connection; other failures pass
 * through unchanged.
 */
export async function withClient<T>(
  deps: Pick<CommandDeps, 'store'>,
  connection: Connection,
  task: (client: ClientPort) => Promise<T>,
): Promise<T> {
  const client = requireSignedIn(deps, connection);
  return withSessionGuard(deps, connection, () => task(client));
}

/** The session guard alone, for a call on a client already taken (each write of an import). */
export function withSessionGuard<T>(
  deps: Pick<CommandDeps, 'store'>,
  connection: Connection,
  task: () => Promise<T>,
): Promise<T> {
  return guardConnection(connection, task, (error) => {
    deps.store.markSessionExpired(connection.id, error.message);
  });
}

/**
 * The connection's signed-in client, taken when it is needed: a
 * SignInRequiredError before any question is asked in vain, and after a
 * question when the session ended meanwhile. A connection removed meanwhile
 * says so (signing in to it is no longer possible).
 */
export function requireSignedIn(deps: Pick<CommandDeps, 'store'>, connection: Connection): ClientPort {
  const client = deps.store.clientFor(connection.id);
  if (!client) {
    if (deps.store.connection(connection.id) === undefined) {
      throw new UserFacingError(`The connection "${connection.name}" no longer exists: nothing was sent to it.`);
    }
    throw new SignInRequiredError(connection);
  }
  return client;
}

/** Turns auth, network and timeout failures of `task` into ConnectionErrors; `onAuth` sees refused credentials first. */
export async function guardConnection<T>(
  connection: Connection,
  task: () => Promise<T>,
  onAuth?: (error: FluxbaseApiError) => void,
): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (FluxbaseApiError.is(error) && (error.kind === 'auth' || error.kind === 'network' || error.kind === 'timeout')) {
      if (error.kind === 'auth') {
        onAuth?.(error);
      }
      throw new ConnectionError(connection, error);
    }
    throw error;
  }
}
