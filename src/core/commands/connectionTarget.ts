import type { Connection } from '../connections/connection';
import { SignInRequiredError, UserFacingError } from './commandErrors';
import type { CommandDeps } from './commandDeps';

/** Which connections a command can act on. */
export type ConnectionFilter = 'any' | 'signedIn' | 'settings';

/**
 * The connection a command acts on: the one of the id it was given (see
 * connectionIdIn), else the only candidate, else the one the person picks.
 */
export async function resolveConnection(
  deps: Pick<CommandDeps, 'registry' | 'store' | 'input'>,
  givenId: string | undefined,
  filter: ConnectionFilter,
  title: string,
): Promise<Connection> {
  const choice = connectionChoice(deps, givenId, filter);
  return choice.kind === 'known' ? choice.connection : pickConnection(deps, choice.candidates, { title });
}

/** A connection already known (given, or the only candidate), or the candidates to pick from. */
export type ConnectionChoice =
  { kind: 'known'; connection: Connection; given: boolean } | { kind: 'pick'; candidates: readonly Connection[] };

/** Which connection a command acts on without asking, or which to ask about; throws when there is none. */
export function connectionChoice(
  deps: Pick<CommandDeps, 'registry' | 'store'>,
  givenId: string | undefined,
  filter: ConnectionFilter,
): ConnectionChoice {
  const connections = deps.registry.list();
  if (givenId !== undefined) {
    const given = connections.find((connection) => connection.id === givenId);
    if (!given) {
      throw new UserFacingError('That connection no longer exists.');
    }
    return { kind: 'known', connection: given, given: true };
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
  return candidates.length === 1
    ? { kind: 'known', connection: candidates[0]!, given: false }
    : { kind: 'pick', candidates };
}

/** The one connection picker; as a step of a flow it offers Back and highlights the connection chosen before. */
export function pickConnection(
  deps: Pick<CommandDeps, 'store' | 'input'>,
  candidates: readonly Connection[],
  options: { title: string; backButton?: boolean; current?: Connection },
): Promise<Connection> {
  const current = candidates.findIndex((connection) => connection.id === options.current?.id);
  return deps.input.pick(
    candidates.map((connection) => ({
      label: connection.name,
      description: connection.url,
      detail: statusText(deps, connection),
      value: connection,
    })),
    {
      title: options.title,
      placeholder: 'Choose a connection',
      ...(options.backButton ? { backButton: true } : {}),
      ...(current >= 0 ? { activeIndex: current } : {}),
    },
  );
}

function accepts(deps: Pick<CommandDeps, 'store'>, connection: Connection, filter: ConnectionFilter): boolean {
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

function statusText(deps: Pick<CommandDeps, 'store'>, connection: Connection): string {
  if (deps.store.connection(connection.id)?.status === 'sessionExpired') {
    return 'session expired';
  }
  return deps.store.clientFor(connection.id) ? 'signed in' : 'signed out';
}
