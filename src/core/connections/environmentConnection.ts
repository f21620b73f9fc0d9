import { ENVIRONMENT_CONNECTION_ID, type Connection } from './connection';
import { normalizeServerUrl } from './connectionValidation';

/** The connection the environment offers, with the service key that stays in memory only. */
export interface EnvironmentConnection {
  connection: Connection;
  serviceKey: string;
}

/**
 * The connection offered with no prompts when the extension host's
 * environment has `FLUXBASE_URL` and `FLUXBASE_SERVICE_TOKEN` (the variables
 * the Fluxbase SDK reads). The key is never copied into settings or
 * SecretStorage. `FLUXBASE_TENANT` optionally sets the tenant.
 */
export function environmentConnection(
  env: Readonly<Record<string, string | undefined>>,
): EnvironmentConnection | undefined {
  const url = env.FLUXBASE_URL ? normalizeServerUrl(env.FLUXBASE_URL) : undefined;
  const serviceKey = env.FLUXBASE_SERVICE_TOKEN?.trim();
  if (url === undefined || !serviceKey) {
    return undefined;
  }
  return { connection: environmentConnectionAt(url, env), serviceKey };
}

/** The "Environment" connection to `url` (already normalised), with the tenant `FLUXBASE_TENANT` names, if any. */
export function environmentConnectionAt(url: string, env: Readonly<Record<string, string | undefined>>): Connection {
  const tenant = env.FLUXBASE_TENANT?.trim();
  return {
    id: ENVIRONMENT_CONNECTION_ID,
    name: 'Environment',
    url,
    ...(tenant ? { tenant } : {}),
    source: 'environment',
  };
}
