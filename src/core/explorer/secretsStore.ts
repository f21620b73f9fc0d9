import type { FluxbaseClient } from '../api/fluxbaseClient';
import { FluxbaseApiError } from '../api/fluxbaseApiError';
import type { SecretStats, SecretSummary } from '../api/secretTypes';
import type { ClientPort } from '../connections/clientPort';
import type { Connection } from '../connections/connection';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import type { ConnectionSessions } from '../connections/connectionSessions';
import { DisposableStore, Emitter, type Disposable } from '../../shared/disposable';
import type { Logger } from '../../shared/logger';
import type { Clock } from './clock';
import { plainDataEqual } from './plainDataEqual';
import { reuseUnchangedInSlices } from './reuseUnchanged';
import { computeStats } from './secretStats';

/** Where a connection stands: its node in the tree is drawn from this. */
export type ConnectionStatus = 'signedOut' | 'loading' | 'ready' | 'error' | 'sessionExpired';

/** What the store holds for one connection. */
export interface ConnectionState {
  id: string;
  name: string;
  url: string;
  status: ConnectionStatus;
  /** The last list, in server order; empty unless `status` is `ready`. */
  secrets: readonly SecretSummary[];
  /** Set when `status` is `ready`. */
  stats?: SecretStats;
  /** What went wrong, for `error` and `sessionExpired`. */
  error?: string;
}

/** What the store needs from its surroundings. */
export interface SecretsStoreDeps<C extends ClientPort> {
  registry: ConnectionRegistry;
  sessions: ConnectionSessions<C>;
  clock: Clock;
  logger: Logger;
  /**
   * Runs beside each signed-in connection's list request, not awaited (the
   * functions registry is listed with the secrets); must not reject. `forget`
   * runs when the connection is signed out or removed.
   */
  companion?: {
    refresh(connection: Connection, client: C): Promise<void>;
    forget(connectionId: string): void;
  };
}

/**
 * Holds the secrets of every connection and fires `onDidChange` after any
 * change. A refresh of a connection makes exactly one request, the list:
 * stats, namespaces, overrides and expiry states are all computed from it
 * (stats with the strict windows of contract §1.3 (2); see computeStats),
 * because the stats route counts the very same rows. Refreshing never
 * rejects: failures become the connection's `error` or `sessionExpired`
 * state, which the tree shows as nodes.
 */
export class SecretsStore<C extends ClientPort = FluxbaseClient> implements Disposable {
  private readonly changed = new Emitter<void>();
  private readonly disposables = new DisposableStore();
  private readonly states = new Map<string, ConnectionState>();
  private readonly generations = new Map<string, number>();

  /** Fires after any state change. */
  readonly onDidChange = (listener: () => void): Disposable => this.changed.event(listener);

  constructor(private readonly deps: SecretsStoreDeps<C>) {
    this.disposables.add(this.changed);
    this.disposables.add(deps.registry.onDidChange(() => void this.syncConnections()));
    this.syncConnections(false);
  }

  /** Every connection, in the registry's order. */
  connections(): readonly ConnectionState[] {
    return this.deps.registry.list().flatMap((connection) => {
      const state = this.states.get(connection.id);
      return state ? [state] : [];
    });
  }

  /** One connection's state. */
  connection(connectionId: string): ConnectionState | undefined {
    return this.states.get(connectionId);
  }

  /** The last listed secrets of a connection (empty unless it is ready). */
  secretsFor(connectionId: string): readonly SecretSummary[] {
    return this.states.get(connectionId)?.secrets ?? [];
  }

  /** The signed-in client of a connection; undefined when signed out. */
  clientFor(connectionId: string): C | undefined {
    return this.deps.sessions.clientFor(connectionId);
  }

  /** Refetches one connection, or all of them. Never rejects. */
  async refresh(connectionId?: string): Promise<void> {
    const connections = this.deps.registry
      .list()
      .filter((connection) => connectionId === undefined || connection.id === connectionId);
    await Promise.all(connections.map((connection) => this.refreshConnection(connection)));
  }

  /**
   * Records that the server refused the connection's credentials during a
   * command, so the tree offers sign-in at once instead of on the next refresh.
   */
  markSessionExpired(connectionId: string, message: string): void {
    const state = this.states.get(connectionId);
    if (state && state.status !== 'signedOut') {
      this.bump(connectionId);
      const { id, name, url } = state;
      this.update({ id, name, url, status: 'sessionExpired', secrets: [], error: message });
    }
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private async refreshConnection(connection: Connection): Promise<void> {
    const generation = this.bump(connection.id);
    const isCurrent = (): boolean => generation === this.generations.get(connection.id);
    const base = { id: connection.id, name: connection.name, url: connection.url, secrets: [] };

    let client: C | undefined;
    try {
      client = await this.deps.sessions.restore(connection);
    } catch (error) {
      this.deps.logger.error(`Could not read the stored credentials of "${connection.name}": ${String(error)}`);
    }
    if (!isCurrent()) {
      return;
    }
    if (!client) {
      this.deps.companion?.forget(connection.id);
      this.update({ ...base, status: 'signedOut' });
      return;
    }
    if (this.states.get(connection.id)?.status !== 'ready') {
      this.update({ ...base, status: 'loading' });
    }
    void this.deps.companion?.refresh(connection, client);
    try {
      const listed = await client.secrets.list();
      // compared in slices that yield, as the client parsed it: a list of 50,000 must not hold the host
      const secrets = await reuseUnchangedInSlices(this.states.get(connection.id)?.secrets ?? [], listed);
      if (isCurrent()) {
        this.update({ ...base, status: 'ready', secrets, stats: computeStats(secrets, this.deps.clock.now()) });
      }
    } catch (error) {
      if (!isCurrent()) {
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      this.deps.logger.warn(`Listing the secrets of "${connection.name}" failed: ${message}`);
      const expired = FluxbaseApiError.is(error, 'auth');
      this.update({ ...base, status: expired ? 'sessionExpired' : 'error', error: message });
    }
  }

  /** Adds states for new connections, drops removed ones, and loads the new ones unless told not to. */
  private syncConnections(load = true): void {
    const connections = this.deps.registry.list();
    const ids = new Set(connections.map((connection) => connection.id));
    let changed = false;
    for (const id of [...this.states.keys()]) {
      if (!ids.has(id)) {
        this.deps.companion?.forget(id);
        this.states.delete(id);
        this.bump(id);
        changed = true;
      }
    }
    this.deps.sessions.retain(ids);
    const added = connections.filter((connection) => !this.states.has(connection.id));
    for (const connection of added) {
      this.states.set(connection.id, {
        id: connection.id,
        name: connection.name,
        url: connection.url,
        status: 'loading',
        secrets: [],
      });
      changed = true;
    }
    if (changed) {
      this.changed.fire();
    }
    if (load) {
      for (const connection of added) {
        void this.refreshConnection(connection);
      }
    }
  }

  /** Stores a connection's new state and fires, unless nothing changed (a refresh that found the same list). */
  private update(state: ConnectionState): void {
    const previous = this.states.get(state.id);
    if (!previous || plainDataEqual(previous, state)) {
      return;
    }
    this.states.set(state.id, state);
    this.changed.fire();
  }

  private bump(connectionId: string): number {
    const next = (this.generations.get(connectionId) ?? 0) + 1;
    this.generations.set(connectionId, next);
    return next;
  }
}
