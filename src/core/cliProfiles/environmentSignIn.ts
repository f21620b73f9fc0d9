import type { Connection } from '../connections/connection';
import { normalizeServerUrl } from '../connections/connectionValidation';
import type { StoredCredentials } from '../connections/credentialStore';
import { environmentConnection, environmentConnectionAt } from '../connections/environmentConnection';

/** The environment connection with the credentials it uses (in memory only) and a log line naming its variables. */
export interface EnvironmentSignIn {
  connection: Connection;
  credentials: StoredCredentials;
  /** Which variables made it and how the credential is sent; never a value. */
  description: string;
}

/**
 * The connection the extension host's environment offers, with no prompts:
 * `FLUXBASE_URL` + `FLUXBASE_SERVICE_TOKEN` (the SDK's pair, the key sent as
 * `X-Service-Key`) when both are set; otherwise `FLUXBASE_SERVER` +
 * `FLUXBASE_TOKEN` (the Fluxbase CLI's pair, the token sent as
 * `Authorization: Bearer` as the CLI sends it). The SDK pair wins because it
 * names the extension's own connection; the CLI pair is then left unused.
 */
export function environmentSignIn(env: Readonly<Record<string, string | undefined>>): EnvironmentSignIn | undefined {
  const sdk = environmentConnection(env);
  if (sdk) {
    return {
      connection: sdk.connection,
      credentials: { type: 'serviceKey', key: sdk.serviceKey },
      description: `FLUXBASE_URL (${sdk.connection.url}) with FLUXBASE_SERVICE_TOKEN, sent as X-Service-Key`,
    };
  }
  const url = env.FLUXBASE_SERVER ? normalizeServerUrl(env.FLUXBASE_SERVER) : undefined;
  const token = env.FLUXBASE_TOKEN?.trim();
  if (url === undefined || !token) {
    return undefined;
  }
  return {
    connection: environmentConnectionAt(url, env),
    credentials: { type: 'session', accessToken: token },
    description: `FLUXBASE_SERVER (${url}) with FLUXBASE_TOKEN, sent as Authorization: Bearer (as the Fluxbase CLI does)`,
  };
}

/** Whether both environment pairs are set, so the CLI's pair is ignored (worth a log line). */
export function cliEnvironmentPairShadowed(env: Readonly<Record<string, string | undefined>>): boolean {
  return (
    environmentConnection(env) !== undefined &&
    Boolean(env.FLUXBASE_SERVER?.trim()) &&
    Boolean(env.FLUXBASE_TOKEN?.trim())
  );
}
