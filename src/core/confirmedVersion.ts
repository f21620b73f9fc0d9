import { UserFacingError } from './userFacingError';

/**
 * The secret got another version (someone else's write) between the
 * question the person answered and the write that answer allowed; nothing
 * was written.
 */
export class SecretChangedError extends UserFacingError {
  constructor(
    readonly secretName: string,
    readonly confirmedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `"${secretName}" changed while you were answering: it is now version ${currentVersion}, not ${confirmedVersion}. ` +
        'Nothing was changed; look at the new version and try again.',
    );
  }
}

/**
 * A check made before a question is stale after it. Just before a write that
 * the person confirmed against one version of a secret (a rollback "from
 * v5", a delete and re-create with a value typed again), reads the secret
 * again and refuses with SecretChangedError when it now has another version.
 * The API has no conditional write, so this narrows the window from the time
 * a person takes to answer to one request. A secret deleted meanwhile fails
 * the read (404): the server's answer decides.
 */
export async function requireConfirmedVersion<S extends { version: number }>(
  read: () => Promise<S>,
  secretName: string,
  confirmedVersion: number,
): Promise<S> {
  const current = await read();
  if (current.version !== confirmedVersion) {
    throw new SecretChangedError(secretName, confirmedVersion, current.version);
  }
  return current;
}
