/**
 * A Fluxbase server the explorer shows as one root of the tree. Connections
 * come from the `fluxbaseSecrets.connections` setting, from the profiles of
 * the Fluxbase CLI's `config.yaml` (`cli`), or, for remote machines,
 * containers and CI, from environment variables (see `environmentSignIn`).
 */
export interface Connection {
  /** Stable, and different for a different server: stored credentials are keyed by it. */
  readonly id: string;
  readonly name: string;
  /** Normalised server URL without a trailing slash. */
  readonly url: string;
  /** Sent as `X-FB-Tenant` (contract §3.6). */
  readonly tenant?: string;
  readonly source: 'settings' | 'environment' | 'cli';
}

/** The id of the connection that the extension host's environment offers. */
export const ENVIRONMENT_CONNECTION_ID = 'environment';

/**
 * The id of a connection from the settings. It includes the URL so that
 * credentials stored for one server are never sent to another one after the
 * URL of a same-named connection was edited.
 */
export function settingsConnectionId(name: string, url: string): string {
  return `settings:${name}@${url}`;
}
