import type { Connection } from '../connections/connection';
import { normalizeServerUrl } from '../connections/connectionValidation';
import type { CliConfig, CliProfile } from './cliConfig';

type Environment = Readonly<Record<string, string | undefined>>;

/** The prefix of the ids of connections made from CLI profiles. */
const CLI_ID_PREFIX = 'cli:';

/**
 * The id of a profile's connection. Like a settings connection's id it
 * includes the URL, so credentials stored for one server are never sent to
 * another after the profile was pointed elsewhere.
 */
export function cliConnectionId(profile: string, url: string): string {
  return `${CLI_ID_PREFIX}${profile}@${url}`;
}

/**
 * How the profile's own sign-in can be used: a token from the file (or
 * `FLUXBASE_TOKEN`), or not at all (`keychain`: the OS keychain is out of an
 * extension's reach; `none`: the CLI is signed out of it).
 */
export type CliSignInOffer = 'accessToken' | 'apiKey' | 'keychain' | 'none';

/** A CLI profile shown as a connection. */
export interface CliProfileConnection {
  connection: Connection;
  profile: string;
  /** The profile the CLI uses when given none (`FLUXBASE_PROFILE`, else `current_profile`). */
  current: boolean;
  offer: CliSignInOffer;
}

/** What the CLI sends for a profile (contract part 2, §2.4), read from the file (or the environment) at use. */
export type CliSignIn =
  | { kind: 'accessToken'; accessToken: string; refreshToken?: string; expiresAt?: number }
  | { kind: 'apiKey'; apiKey: string; fromEnvironment: boolean };

/**
 * The profile the CLI picks when given no `--profile`: `FLUXBASE_PROFILE`,
 * else `current_profile` (contract part 2, §2.3).
 */
export function selectedCliProfile(config: CliConfig, env: Environment): string | undefined {
  return env.FLUXBASE_PROFILE?.trim() || config.currentProfile;
}

/**
 * Whether `FLUXBASE_SERVER` and `FLUXBASE_TOKEN` each apply to the selected
 * profile. When both are set they make the environment connection instead
 * (see `environmentSignIn`), and the profiles stay as the file has them.
 */
function profileOverrides(env: Environment): { server?: string; token?: string } {
  const server = env.FLUXBASE_SERVER?.trim();
  const token = env.FLUXBASE_TOKEN?.trim();
  if (server && token) {
    return {};
  }
  return { ...(server ? { server } : {}), ...(token ? { token } : {}) };
}

/**
 * The connections of the CLI's profiles, the selected profile first, then
 * the others in file order. A profile without a usable http(s) `server` is
 * left out with a problem.
 */
export function cliProfileConnections(
  config: CliConfig,
  env: Environment,
): { entries: CliProfileConnection[]; problems: string[] } {
  const selected = selectedCliProfile(config, env);
  const problems: string[] = [];
  if (selected !== undefined && !config.profiles.some((profile) => profile.name === selected)) {
    problems.push(
      `The Fluxbase CLI's ${env.FLUXBASE_PROFILE?.trim() ? 'FLUXBASE_PROFILE' : 'current_profile'} names a profile the file does not have`,
    );
  }
  const entries: CliProfileConnection[] = [];
  for (const profile of config.profiles) {
    const current = profile.name === selected;
    const server = (current ? profileOverrides(env).server : undefined) ?? profile.server;
    const url = server === undefined ? undefined : normalizeServerUrl(server);
    if (url === undefined) {
      problems.push(`The Fluxbase CLI profile "${profile.name}" has no valid http(s) "server"`);
      continue;
    }
    const signIn = cliSignInOf(profile, current, env);
    entries.push({
      connection: { id: cliConnectionId(profile.name, url), name: `CLI: ${profile.name}`, url, source: 'cli' },
      profile: profile.name,
      current,
      offer: signIn?.kind ?? (profile.credentialStore === 'keychain' ? 'keychain' : 'none'),
    });
  }
  entries.sort((a, b) => Number(b.current) - Number(a.current));
  return { entries, problems };
}

/**
 * What the CLI would authenticate a profile with: `FLUXBASE_TOKEN` (on the
 * selected profile it replaces every token), else the file's access token,
 * else its api key. Keychain profiles have none the extension can read.
 */
export function cliSignInOf(profile: CliProfile, current: boolean, env: Environment): CliSignIn | undefined {
  const token = current ? profileOverrides(env).token : undefined;
  if (token) {
    return { kind: 'apiKey', apiKey: token, fromEnvironment: true };
  }
  const credentials = profile.credentialStore === 'file' ? profile.credentials : undefined;
  if (credentials?.accessToken) {
    return {
      kind: 'accessToken',
      accessToken: credentials.accessToken,
      ...(credentials.refreshToken ? { refreshToken: credentials.refreshToken } : {}),
      ...(credentials.expiresAt ? { expiresAt: credentials.expiresAt } : {}),
    };
  }
  if (credentials?.apiKey) {
    return { kind: 'apiKey', apiKey: credentials.apiKey, fromEnvironment: false };
  }
  return undefined;
}

/**
 * Whether the CLI would refresh before sending: an access token with an
 * expiry and a refresh token, and at most 60 s of life left (contract
 * part 2, §2.4).
 */
export function cliWouldRefresh(signIn: CliSignIn, nowSeconds: number): boolean {
  return (
    signIn.kind === 'accessToken' &&
    signIn.refreshToken !== undefined &&
    signIn.expiresAt !== undefined &&
    nowSeconds >= signIn.expiresAt - 60
  );
}

/** Says which credential is used, never its value, for the log. */
export function describeCliSignIn(signIn: CliSignIn): string {
  if (signIn.kind === 'apiKey') {
    return signIn.fromEnvironment
      ? 'FLUXBASE_TOKEN from the environment, sent as Authorization: Bearer'
      : "the profile's api_key, sent as Authorization: Bearer";
  }
  return signIn.refreshToken
    ? "the profile's access token, sent as Authorization: Bearer and refreshed through /dashboard/auth/refresh"
    : "the profile's access token, sent as Authorization: Bearer (no refresh token)";
}
