import type { Connection } from '../../../../src/core/connections/connection';
import { settingsConnectionId } from '../../../../src/core/connections/connection';
import type { ConnectionConfig } from '../../../../src/core/connections/connectionConfig';
import type { ConnectionRegistry } from '../../../../src/core/connections/connectionRegistry';
import type { CredentialStore, StoredCredentials } from '../../../../src/core/connections/credentialStore';
import { Emitter, type Disposable } from '../../../../src/shared/disposable';
import type { Logger } from '../../../../src/shared/logger';

/** A connection from the settings, as the registry would give it. */
export function settingsConnection(name: string, url = 'https://fluxbase.example.com'): Connection {
  return { id: settingsConnectionId(name, url), name, url, source: 'settings' };
}

/** A registry over an in-memory list. */
export class FakeRegistry implements ConnectionRegistry {
  private readonly changed = new Emitter<void>();

  constructor(public connections: Connection[] = []) {}

  list(): readonly Connection[] {
    return this.connections;
  }

  onDidChange(listener: () => void): Disposable {
    return this.changed.event(listener);
  }

  async add(config: ConnectionConfig): Promise<Connection> {
    const connection = settingsConnection(config.name, config.url);
    this.connections = [...this.connections, connection];
    this.changed.fire();
    return connection;
  }

  async remove(connectionId: string): Promise<void> {
    this.connections = this.connections.filter((connection) => connection.id !== connectionId);
    this.changed.fire();
  }

  /** Replaces the list as an edit of the settings would. */
  replace(connections: Connection[]): void {
    this.connections = connections;
    this.changed.fire();
  }
}

/** A credential store in a Map, with a log of writes. */
export class MemoryCredentialStore implements CredentialStore {
  readonly entries = new Map<string, StoredCredentials>();
  readonly writes: string[] = [];

  async get(connectionId: string): Promise<StoredCredentials | undefined> {
    return this.entries.get(connectionId);
  }

  async set(connectionId: string, credentials: StoredCredentials): Promise<void> {
    this.writes.push(`set ${connectionId}`);
    this.entries.set(connectionId, credentials);
  }

  async delete(connectionId: string): Promise<void> {
    this.writes.push(`delete ${connectionId}`);
    this.entries.delete(connectionId);
  }
}

/** A logger that keeps every line, to assert on what was (and was not) logged. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];

  trace(message: string): void {
    this.lines.push(`trace ${message}`);
  }

  debug(message: string): void {
    this.lines.push(`debug ${message}`);
  }

  info(message: string): void {
    this.lines.push(`info ${message}`);
  }

  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }

  error(message: string | Error): void {
    this.lines.push(`error ${message instanceof Error ? `${message.message}\n${message.stack ?? ''}` : message}`);
  }
}
