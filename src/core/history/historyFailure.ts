import { FluxbaseApiError } from '../api/fluxbaseApiError';

/** What a failed load means for the page: the secret is gone, the session is, or something else went wrong. */
export type HistoryFailure = { kind: 'deleted' } | { kind: 'signedOut' } | { kind: 'error'; message: string };

/**
 * Classifies an error thrown by the HistorySource. An API error's message is
 * safe to show (it is built from the status and the server's text only); any
 * other error is described generically, since its text is unknown.
 */
export function classifyHistoryFailure(error: unknown): HistoryFailure {
  if (FluxbaseApiError.is(error, 'notFound')) {
    return { kind: 'deleted' };
  }
  if (FluxbaseApiError.is(error, 'auth')) {
    return { kind: 'signedOut' };
  }
  return { kind: 'error', message: describeHistoryError(error) };
}

/** One line for the page about an error; see the log for details of an unexpected one. */
export function describeHistoryError(error: unknown): string {
  return FluxbaseApiError.is(error) ? error.message : 'An unexpected error occurred. See the Fluxbase Secrets log.';
}
