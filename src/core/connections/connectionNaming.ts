import type { Connection } from './connection';

/**
 * How titles, confirmations, notifications, progress messages and quick
 * fixes name the connection a secret lives on. With one connection there is
 * nothing to mix up, so nothing is added; with two or more, every place that
 * names a secret names its connection too, so that nobody rolls back "prod"
 * believing it is "staging".
 */

/**
 * What the rule counts: every configured connection (settings, CLI profiles,
 * the environment), signed in or not, as the tree shows them all. Commands
 * and quick fixes pass the registry, so that a quick fix's title and the box
 * it opens agree.
 */
export interface ConfiguredConnections {
  /** The ConnectionRegistry's list in the extension. */
  list(): readonly unknown[];
}

/** The one rule: the connection is named when two or more connections are configured. */
export function namesConnection(configured: ConfiguredConnections): boolean {
  return namedAmong(configured.list().length);
}

/** A sentence fragment such as " on prod", or "" when only one connection is configured. */
export function onConnection(connection: Pick<Connection, 'name'>, configured: ConfiguredConnections): string {
  return namesConnection(configured) ? ` on ${connection.name}` : '';
}

/** A title suffix such as " — prod", or "" when only one of `connectionCount` configured connections exists. */
export function connectionTitleSuffix(connection: Pick<Connection, 'name'>, connectionCount: number): string {
  return namedAmong(connectionCount) ? ` — ${connection.name}` : '';
}

function namedAmong(configuredCount: number): boolean {
  return configuredCount > 1;
}
