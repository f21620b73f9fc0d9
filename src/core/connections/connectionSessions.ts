import type { Disposable } from '../../shared/disposable';
import type { Logger } from '../../shared/logger';
import type { LinkedSignIns } from '../cliProfiles/cliSignInLinks';
import type { ClientFactory, ClientPort } from './clientPort';
import type { Connection } from './connection';
import type { CredentialStore, StoredCredentials } from './credentialStore';

interface Session<C> {
  client: C;
  subscription: Disposable;
}

/** What ConnectionSessions needs from its surroundings. */
export interface ConnectionSessionsDeps<C extends ClientPort> {
  createClient: ClientFactory<C>;
  credentials: CredentialStore;
  /** Credentials that come from the environment, by connection id: used, never stored. */
  environmentCredentials?: ReadonlyMap<string, StoredCredentials>;
  /** CLI-profile connections that use the CLI's own sign-in, read from its file at use: never stored. */
  linkedSignIns?: LinkedSignIns;
  logger: Logger;
}

/**
 * The signed-in clients, one per connection. Restores a session from the
 * credential store on first use, persists credentials the client refreshes
 * (`auth.onDidChangeCredentials`), and on sign-out removes the stored
 * credentials and closes the client.
 */
export class ConnectionSessions<C extends ClientPort> implements Disposable {
  private readonly sessions = new Map<string, Session<C>>();
  private readonly restoring = new Map<string, Promise<C | undefined>>();
  private readonly generations = new Map<string, number>();
  /** Environment connections the person signed out of during this session. */
  private readonly environmentSignedOut = new Set<string>();
  /** Sessions whose credentials came from the CLI's file: their refreshed tokens are not stored. */
  private readonly linked = new Set<string>();

  constructor(private readonly deps: ConnectionSessionsDeps<C>) {}

  /** The signed-in client of a connection, or undefined. */
  clientFor(connectionId: string): C | undefined {
    return this.sessions.get(connectionId)?.client;
  }

  /** A fresh client without credentials, for a sign-in flow to authenticate before `adopt`. */
  newClient(connection: Connection): C {
    return this.deps.createClient(connection);
  }

  /**
   * The client of a connection, restored from stored (or environment)
   * credentials when there is no session yet; undefined when there are none.
   * Concurrent calls share one restore.
   */
  restore(connection: Connection): Promise<C | undefined> {
    const existing = this.clientFor(connection.id);
    if (existing) {
      return Promise.resolve(existing);
    }
    const pending = this.restoring.get(connection.id);
    if (pending) {
      return pending;
    }
    const generation = this.generation(connection.id);
    const restore = this.readCredentials(connection)
      .then((read) => {
        if (!read || generation !== this.generation(connection.id)) {
          return undefined;
        }
        const client = this.deps.createClient(connection);
        applyCredentials(client, read.credentials);
        this.install(connection, client, read.linked);
        return client;
      })
      .finally(() => this.restoring.delete(connection.id));
    this.restoring.set(connection.id, restore);
    return restore;
  }

  /**
   * Makes `client`, which a sign-in flow has just authenticated, the
   * connection's session and stores its credentials (environment
   * connections keep them in memory only). With `linked`, a CLI-profile
   * connection stores nothing and reads the CLI's file on the next restore.
   */
  async adopt(connection: Connection, client: C, options: { linked?: boolean } = {}): Promise<void> {
    const credentials = client.auth.credentials;
    if (credentials.type === 'none') {
      throw new Error('The client holds no credentials to sign in with');
    }
    const linked = connection.source === 'cli' && options.linked === true;
    this.bump(connection.id);
    this.environmentSignedOut.delete(connection.id);
    if (linked) {
      await this.deps.credentials.delete(connection.id);
      await this.deps.linkedSignIns?.link(connection.id);
    } else if (connection.source !== 'environment') {
      await this.deps.linkedSignIns?.unlink(connection.id);
      await this.deps.credentials.set(connection.id, credentials);
    }
    this.install(connection, client, linked);
  }

  /** Forgets the connection's credentials (stored ones included) and closes its client. */
  async signOut(connection: Connection): Promise<void> {
    this.bump(connection.id);
    this.close(connection.id, true);
    if (connection.source === 'environment') {
      this.environmentSignedOut.add(connection.id);
    } else {
      await this.deps.credentials.delete(connection.id);
      await this.deps.linkedSignIns?.unlink(connection.id);
    }
  }

  /** Lets an environment connection the person signed out of use the environment's credentials again. */
  resumeEnvironment(connectionId: string): void {
    this.environmentSignedOut.delete(connectionId);
  }

  /** Closes the sessions of connections that no longer exist (their stored credentials stay until removed). */
  retain(connectionIds: ReadonlySet<string>): void {
    for (const id of [...this.sessions.keys()]) {
      if (!connectionIds.has(id)) {
        this.bump(id);
        this.close(id, false);
      }
    }
  }

  dispose(): void {
    for (const id of [...this.sessions.keys()]) {
      this.close(id, false);
    }
  }

  private async readCredentials(
    connection: Connection,
  ): Promise<{ credentials: StoredCredentials; linked: boolean } | undefined> {
    const environment =
      connection.source === 'environment' && !this.environmentSignedOut.has(connection.id)
        ? this.deps.environmentCredentials?.get(connection.id)
        : undefined;
    const stored = connection.source === 'environment' ? environment : await this.deps.credentials.get(connection.id);
    if (stored) {
      return { credentials: stored, linked: false };
    }
    const linked =
      connection.source === 'cli' ? await this.deps.linkedSignIns?.read(connection.id, connection.name) : undefined;
    return linked ? { credentials: linked, linked: true } : undefined;
  }

  private install(connection: Connection, client: C, linked = false): void {
    this.close(connection.id, false);
    if (linked) {
      this.linked.add(connection.id);
    } else {
      this.linked.delete(connection.id);
    }
    const subscription = client.auth.onDidChangeCredentials((credentials) => {
      if (
        credentials.type === 'none' ||
        connection.source === 'environment' ||
        this.linked.has(connection.id) ||
        this.clientFor(connection.id) !== client
      ) {
        return;
      }
      this.deps.credentials.set(connection.id, credentials).then(undefined, (error: unknown) => {
        this.deps.logger.error(`Could not store the refreshed session of "${connection.name}": ${String(error)}`);
      });
    });
    this.sessions.set(connection.id, { client, subscription });
  }

  private close(connectionId: string, forget: boolean): void {
    const session = this.sessions.get(connectionId);
    if (!session) {
      return;
    }
    this.sessions.delete(connectionId);
    session.subscription.dispose();
    if (forget) {
      session.client.auth.signOut();
    }
    session.client.close().then(undefined, (error: unknown) => {
      this.deps.logger.warn(`Closing the client of ${connectionId} failed: ${String(error)}`);
    });
  }

  private generation(connectionId: string): number {
    return this.generations.get(connectionId) ?? 0;
  }

  private bump(connectionId: string): void {
    this.generations.set(connectionId, this.generation(connectionId) + 1);
  }
}

/** Gives a fresh client the stored credentials. */
function applyCredentials(client: ClientPort, credentials: StoredCredentials): void {
  if (credentials.type === 'session') {
    client.auth.useAccessToken(credentials.accessToken, credentials.refreshToken);
  } else {
    client.auth.useServiceKey(credentials.key);
  }
}
