import type { StoredCredentials } from '../connections/credentialStore';
import type { Logger } from '../logger';
import { describeCliSignIn, type CliSignIn } from './cliProfileConnections';

/** Non-secret state that survives a restart (VS Code's `Memento` fits it). */
export interface KeyValueState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** Where the sign-in of a connection linked to the CLI comes from: the file, read at use. */
export interface CliSignInReader {
  readSignIn(connectionId: string): Promise<CliSignIn | undefined>;
}

/** The part of CliSignInLinks that ConnectionSessions uses. */
export interface LinkedSignIns {
  /** Credentials read now for a linked connection; undefined when it is not linked or the CLI has none. */
  read(connectionId: string, connectionName: string): Promise<StoredCredentials | undefined>;
  link(connectionId: string): Promise<void>;
  unlink(connectionId: string): Promise<void>;
}

const LINKED_KEY = 'fluxbaseSecrets.cliSignInConnections';

/**
 * Remembers which CLI-profile connections chose "Use the CLI's sign-in",
 * by connection id only: their tokens are never copied into the editor's
 * storage but read from the CLI's file each time a session starts, so a new
 * `fluxbase auth login` is picked up.
 */
export class CliSignInLinks implements LinkedSignIns {
  constructor(
    private readonly state: KeyValueState,
    private readonly reader: CliSignInReader,
    private readonly logger: Logger,
  ) {}

  isLinked(connectionId: string): boolean {
    return this.linked().includes(connectionId);
  }

  async read(connectionId: string, connectionName: string): Promise<StoredCredentials | undefined> {
    if (!this.isLinked(connectionId)) {
      return undefined;
    }
    const signIn = await this.reader.readSignIn(connectionId);
    if (!signIn) {
      this.logger.warn(`"${connectionName}": the Fluxbase CLI has no sign-in for this profile any more`);
      return undefined;
    }
    this.logger.info(`"${connectionName}" uses the Fluxbase CLI's sign-in: ${describeCliSignIn(signIn)}`);
    return cliCredentials(signIn);
  }

  async link(connectionId: string): Promise<void> {
    if (!this.isLinked(connectionId)) {
      await this.state.update(LINKED_KEY, [...this.linked(), connectionId]);
    }
  }

  async unlink(connectionId: string): Promise<void> {
    if (this.isLinked(connectionId)) {
      await this.state.update(
        LINKED_KEY,
        this.linked().filter((id) => id !== connectionId),
      );
    }
  }

  private linked(): string[] {
    const value = this.state.get<unknown>(LINKED_KEY);
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
  }
}

/** The client credentials for what the CLI sends: both kinds travel as `Authorization: Bearer`. */
export function cliCredentials(signIn: CliSignIn): StoredCredentials {
  if (signIn.kind === 'apiKey') {
    return { type: 'session', accessToken: signIn.apiKey };
  }
  return signIn.refreshToken
    ? { type: 'session', accessToken: signIn.accessToken, refreshToken: signIn.refreshToken }
    : { type: 'session', accessToken: signIn.accessToken };
}
