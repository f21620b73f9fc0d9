import type { FluxbaseApiError } from '../api/fluxbaseApiError';
import type { Connection } from '../connections/connection';

export { UserFacingError } from '../userFacingError';

/** The command needs a connection that is not signed in. `connection` is undefined when none is. */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';

  constructor(readonly connection?: Connection) {
    super(connection ? `Sign in to "${connection.name}" first.` : 'Sign in to a Fluxbase connection first.');
  }
}

/**
 * A request to a connection failed in a way that concerns the connection
 * itself: its credentials were refused (`auth`) or its server could not be
 * reached (`network`, `timeout`). Carries the connection so the message can
 * name it and offer the right fix.
 */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';

  constructor(
    readonly connection: Connection,
    override readonly cause: FluxbaseApiError,
  ) {
    super(cause.message, { cause });
  }
}
