import type { Connection } from './connection';

/**
 * How titles, confirmations, notifications and progress messages name the
 * connection a secret lives on. With one connection there is nothing to mix
 * up, so nothing is added; with two or more, every place that names a secret
 * names its connection too, so that nobody rolls back "prod" believing it is
 * "staging".
 */

/** A title suffix such as " — prod", or "" when only one connection exists. */
export function connectionTitleSuffix(connection: Pick<Connection, 'name'>, connectionCount: number): string {
  return connectionCount > 1 ? ` — ${connection.name}` : '';
}

/** A sentence fragment such as " on prod", or "" when only one connection exists. */
export function onConnection(connection: Pick<Connection, 'name'>, connectionCount: number): string {
  return connectionCount > 1 ? ` on ${connection.name}` : '';
}
