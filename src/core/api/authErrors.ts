/**
 * How sign-in failures read. Upstream answers a wrong password with a 500
 * (contract §3.5 A): EU/WA `Login failed: invalid email or password`, NF
 * `Login failed` with code INTERNAL_ERROR; the local server answers 401.
 */
import { FluxbaseApiError } from './fluxbaseApiError';

const WRONG_CREDENTIALS_MESSAGE = 'Wrong email or password';

/** Re-labels a login failure: wrong credentials and locked accounts become kind `auth` with a clear message. */
export function loginError(error: unknown): unknown {
  if (!FluxbaseApiError.is(error)) {
    return error;
  }
  const text = (error.serverError ?? '').toLowerCase();
  if (error.status === 500 && text.includes('account locked')) {
    return relabel(error, 'This account is locked after too many failed sign-in attempts; try again later');
  }
  const wrongCredentials =
    error.status === 401 ||
    (error.status === 500 &&
      (text.includes('invalid email or password') || text.includes('invalid credentials') || text === 'login failed'));
  return wrongCredentials ? relabel(error, WRONG_CREDENTIALS_MESSAGE) : error;
}

/** Re-labels a failed token refresh: a rejected refresh token means the user must sign in again. */
export function refreshError(error: unknown): unknown {
  if (FluxbaseApiError.is(error) && (error.status === 400 || error.status === 401)) {
    return relabel(error, 'The session has expired; sign in again');
  }
  return error;
}

function relabel(error: FluxbaseApiError, summary: string): FluxbaseApiError {
  return new FluxbaseApiError('auth', summary, {
    status: error.status,
    serverError: error.serverError,
  });
}
