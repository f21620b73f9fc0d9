import type { Connection } from '../connections/connection';
import { SignInRequiredError, UserFacingError } from './commandErrors';
import type { CommandDeps } from './commandDeps';

/** Which connections a command can act on. */
export type ConnectionFilter = 'any' | 'signedIn' | 'settings';

/**
 * The connection a command acts on: the one of the tree node or id it was
 * given, else the only candidate, else the one the person picks.
 */
export async function resolveConnection(
  deps: CommandDeps,
  arg: unknown,
  filter: ConnectionFilter,
  title: string,
): Promise<Connection> {
  const connections = deps.registry.list();
  const givenId = connectionIdOf(arg);
  if (givenId !== undefined) {
    const given = connections.find((connection) => connection.id === givenId);
    if (!given) {
      throw new UserFacingError('That connection no longer exists.');
    }
    return given;
  }
  const candidates = connections.filter((connection) => accepts(deps, connection, filter));
  if (candidates.length === 0) {
    if (filter === 'signedIn' && connections.length > 0) {
      throw new SignInRequiredError();
    }
    throw new UserFacingError(
      filter === 'settings'
        ? 'There is no connection in the settings.'
        : 'There is no Fluxbase connection yet: add one with "Fluxbase Secrets: Add Connection".',
    );
  }
  if (candidates.length === 1) {
    return candidates[0]!;
  }
  return deps.input.pick(
    candidates.map((connection) => ({
      label: connection.name,
      description: connection.url,
      detail: statusText(deps, connection),
      value: connection,
    })),
    { title, placeholder: 'Choose a connection' },
  );
}

/** The connection id carried by a tree node, a SecretRef or an id string. */
export function connectionIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') {
    return arg;
  }
  if (typeof arg === 'object' && arg !== null && typeof (arg as { connectionId?: unknown }).connectionId === 'string') {
    return (arg as { connectionId: string }).connectionId;
  }
  return undefined;
}

function accepts(deps: CommandDeps, connection: Connection, filter: ConnectionFilter): boolean {
  switch (filter) {
    case 'any':
      return true;
    case 'settings':
      // Settings connections are removed, CLI profiles hidden; the environment's stay.
      return connection.source !== 'environment';
    case 'signedIn':
      return deps.store.clientFor(connection.id) !== undefined;
  }
}

function statusText(deps: CommandDeps, connection: Connection): string {
  if (deps.store.connection(connection.id)?.status === 'sessionExpired') {
    return 'session expired';
  }
  return deps.store.clientFor(connection.id) ? 'signed in' : 'signed out';
}
