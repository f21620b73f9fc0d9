import {
  cliWouldRefresh,
  describeCliSignIn,
  type CliProfileConnection,
  type CliSignIn,
} from '../cliProfiles/cliProfileConnections';
import { cliCredentials } from '../cliProfiles/cliSignInLinks';
import type { ClientPort } from '../connections/clientPort';
import type { Connection } from '../connections/connection';
import type { Logger } from '../../shared/logger';
import type { PickItem } from '../userInput';
import { UserFacingError } from './commandErrors';

/** What Sign In needs to know about the Fluxbase CLI's profiles (the host joins the registry and the file). */
export interface CliProfileAccess {
  /** The shown profile of a CLI connection. */
  profileOf(connectionId: string): CliProfileConnection | undefined;
  /** What the CLI would send for it, read from its file now. */
  readSignIn(connectionId: string): Promise<CliSignIn | undefined>;
}

/** The Sign In choice that uses the CLI's own sign-in. */
export type CliSignInMethod = 'cliProfile';

/**
 * The extra first choice, and the question, of Sign In for a connection:
 * "Use the CLI's sign-in" when the profile's tokens are in the CLI's file;
 * for a keychain profile, or one the CLI is signed out of, only the usual
 * ways, and the question says why.
 */
export function cliSignInChoice(
  access: CliProfileAccess | undefined,
  connection: Connection,
): { items: PickItem<CliSignInMethod>[]; placeholder?: string } {
  const entry = connection.source === 'cli' ? access?.profileOf(connection.id) : undefined;
  if (!entry) {
    return { items: [] };
  }
  const profile = `profile "${entry.profile}"`;
  switch (entry.offer) {
    case 'accessToken':
    case 'apiKey':
      return {
        items: [
          {
            label: "Use the CLI's sign-in",
            description:
              entry.offer === 'accessToken'
                ? `the access token of "fluxbase auth login", read from its file`
                : `the api key of ${profile}, sent as Authorization: Bearer`,
            value: 'cliProfile',
          },
        ],
        placeholder: `Use the Fluxbase CLI's sign-in for ${profile}, or sign in another way`,
      };
    case 'keychain':
      return {
        items: [],
        placeholder: `The CLI keeps the sign-in of ${profile} in the OS keychain (fluxbase-cli), which an extension cannot read without native modules: sign in here`,
      };
    case 'none':
      return {
        items: [],
        placeholder: `The Fluxbase CLI is not signed in to ${profile} (run fluxbase auth login to use its sign-in): sign in here`,
      };
  }
}

/**
 * Authenticates `client` with what the CLI would send, read from its file
 * now: an access token (refreshed first through `/dashboard/auth/refresh`
 * when the CLI would refresh it; a failed refresh is logged and the old
 * token tried, as the CLI does) or an api key, both as Bearer. Then checks
 * them with `stats()`. The log says which credential is used, never its value.
 */
export async function signInWithCliProfile(
  access: CliProfileAccess | undefined,
  connection: Connection,
  client: ClientPort,
  check: <T>(task: () => Promise<T>) => Promise<T>,
  logger: Logger,
  nowMs: number,
): Promise<void> {
  const signIn = await access?.readSignIn(connection.id);
  if (!signIn) {
    throw new UserFacingError(
      `The Fluxbase CLI has no sign-in for "${connection.name}" any more: run fluxbase auth login, or sign in another way.`,
    );
  }
  logger.info(`Signing in to "${connection.name}" with ${describeCliSignIn(signIn)}`);
  const credentials = cliCredentials(signIn);
  if (credentials.type === 'session') {
    client.auth.useAccessToken(credentials.accessToken, credentials.refreshToken);
  }
  if (cliWouldRefresh(signIn, Math.floor(nowMs / 1000))) {
    logger.info(`The CLI's access token for "${connection.name}" has expired or expires within 60 s: refreshing it`);
    await client.auth.refresh().then(
      () => logger.info(`Refreshed the CLI's session of "${connection.name}" (the CLI's file is left as it is)`),
      (error: unknown) =>
        logger.warn(
          `Refreshing the CLI's session of "${connection.name}" failed (${error instanceof Error ? error.message : 'unknown error'}); trying its access token as it is, as the CLI does`,
        ),
    );
  }
  await check(() => client.secrets.stats());
}
