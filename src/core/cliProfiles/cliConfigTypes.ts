/** The Fluxbase CLI's `config.yaml` as the extension reads it (cliConfig.ts parses it). */

/** Where the Fluxbase CLI keeps a profile's tokens (contract part 2, §2.2). */
export type CliCredentialStore = 'file' | 'keychain';

/** The credentials block of a `file` profile; every field may be missing. */
export interface CliFileCredentials {
  accessToken?: string;
  refreshToken?: string;
  /** Unix seconds. */
  expiresAt?: number;
  apiKey?: string;
}

/** One entry of `profiles:` in the CLI's `config.yaml`. */
export interface CliProfile {
  /** The key under `profiles:`. */
  name: string;
  /** The `server` value exactly as written (checked later, when it becomes a connection). */
  server: string | undefined;
  credentialStore: CliCredentialStore;
  /** Present only when the file holds at least one credential. */
  credentials?: CliFileCredentials;
  /** `user.email`, cached by `fluxbase auth login` (not a secret). */
  userEmail?: string;
}

/** The part of the CLI's configuration the extension uses. */
export interface CliConfig {
  currentProfile?: string;
  profiles: CliProfile[];
}

/** The file read, or why not: `problem` names the file and, for YAML errors, the line. */
export type CliConfigResult = { ok: true; config: CliConfig; problems: string[] } | { ok: false; problem: string };
