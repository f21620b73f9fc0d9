import type { StoredCredentials } from '../connections/credentialStore';
import type { Logger } from '../../shared/logger';
import { describeCliSignIn, type CliSignIn } from './cliProfileConnections';

/** Strings kept between sessions (VS Code's `SecretStorage` fits it; the extension keeps no other state). */
export interface KeyValueState {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
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

/** The storage key marking a connection as linked to the CLI's sign-in (the value is only a marker). */
function linkKey(connectionId: string): string {
  return `fluxbaseSecrets.cliSignIn:${connectionId}`;
}

/**
 * Remembers which CLI-profile connections chose "Use the CLI's sign-in",
 * by connection id only (a marker in SecretStorage, where the extension
 * keeps everything it keeps): their tokens are never copied into the
 * editor's storage but read from the CLI's file each time a session starts,
 * so a new `fluxbase auth login` is picked up.
 */
export class CliSignInLinks implements LinkedSignIns {
  constructor(
    private readonly state: KeyValueState,
    private readonly reader: CliSignInReader,
    private readonly logger: Logger,
  ) {}

  async isLinked(connectionId: string): Promise<boolean> {
    return (await this.state.get(linkKey(connectionId))) === 'linked';
  }

  async read(connectionId: string, connectionName: string): Promise<StoredCredentials | undefined> {
    if (!(await this.isLinked(connectionId))) {
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
    await this.state.store(linkKey(connectionId), 'linked');
  }

  async unlink(connectionId: string): Promise<void> {
    await this.state.delete(linkKey(connectionId));
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
