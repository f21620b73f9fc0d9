import type { Disposable } from '../../shared/disposable';
import type { Connection } from './connection';
import type { ConnectionConfig } from './connectionConfig';

/**
 * The connections the explorer shows, in order. The host implements it over
 * the `fluxbaseSecrets.connections` setting (user values always, workspace
 * values only in a trusted workspace) plus the environment connection.
 */
export interface ConnectionRegistry {
  list(): readonly Connection[];
  /** Fires when the list changed (settings edited, workspace trust granted). */
  onDidChange(listener: () => void): Disposable;
  /** Adds a connection to the user settings and resolves to it. */
  add(config: ConnectionConfig): Promise<Connection>;
  /** Removes a connection from the user settings; the environment connection cannot be removed. */
  remove(connectionId: string): Promise<void>;
}
