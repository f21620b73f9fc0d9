import type { Credentials } from '../api/authTypes';

/** Credentials worth storing: a dashboard session or a service key. */
export type StoredCredentials = Exclude<Credentials, { type: 'none' }>;

/**
 * Where credentials live between sessions: the host implements it over
 * VS Code's SecretStorage, one JSON blob per connection. Nothing else in the
 * extension writes tokens or keys anywhere.
 */
export interface CredentialStore {
  get(connectionId: string): Promise<StoredCredentials | undefined>;
  set(connectionId: string, credentials: StoredCredentials): Promise<void>;
  delete(connectionId: string): Promise<void>;
}

/** The SecretStorage key of a connection's credentials. */
export function credentialStorageKey(connectionId: string): string {
  return `fluxbaseSecrets.credentials:${connectionId}`;
}

/** The blob stored for `credentials` (versioned, so its shape can change later). */
export function serializeCredentials(credentials: StoredCredentials): string {
  return JSON.stringify({ version: 1, credentials });
}

/** Reads a stored blob back; undefined when it is missing or not one this version wrote. */
export function parseStoredCredentials(blob: string | undefined): StoredCredentials | undefined {
  if (blob === undefined) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(blob);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { version?: unknown }).version !== 1) {
    return undefined;
  }
  const credentials = (parsed as { credentials?: unknown }).credentials;
  if (typeof credentials !== 'object' || credentials === null) {
    return undefined;
  }
  const c = credentials as Record<string, unknown>;
  if (c.type === 'session' && typeof c.accessToken === 'string' && c.accessToken !== '') {
    return typeof c.refreshToken === 'string'
      ? { type: 'session', accessToken: c.accessToken, refreshToken: c.refreshToken }
      : { type: 'session', accessToken: c.accessToken };
  }
  if (c.type === 'serviceKey' && typeof c.key === 'string' && c.key !== '') {
    return { type: 'serviceKey', key: c.key };
  }
  return undefined;
}
