import { FluxbaseApiError } from '../api/fluxbaseApiError';
import { isUserCancelled } from '../userInput';
import { ConnectionError, SignInRequiredError, UserFacingError } from './commandErrors';

/** A button under an error message. */
export type ErrorAction =
  { title: 'Sign In'; kind: 'signIn'; connectionId?: string } | { title: 'Show Logs'; kind: 'showLogs' };

/** How a failed command is reported: not at all (cancelled), or one message with the actions that fix it. */
export type ErrorPresentation =
  | { kind: 'silent' }
  | { kind: 'message'; severity: 'warning' | 'error'; message: string; actions: ErrorAction[]; log: boolean };

const SHOW_LOGS: ErrorAction = { title: 'Show Logs', kind: 'showLogs' };

/**
 * Decides how a command's failure reaches the person: cancelling is silent;
 * refused or missing credentials say so and offer "Sign In"; an unreachable
 * server says to check the URL and offers the logs; anything else is one
 * line (the server's own words where there are any) with "Show Logs".
 * `failedTo` finishes the sentence "Could not …".
 */
export function presentError(error: unknown, failedTo: string): ErrorPresentation {
  if (isUserCancelled(error)) {
    return { kind: 'silent' };
  }
  if (error instanceof UserFacingError) {
    return { kind: 'message', severity: 'warning', message: error.message, actions: [], log: false };
  }
  if (error instanceof SignInRequiredError) {
    const signIn: ErrorAction = { title: 'Sign In', kind: 'signIn', connectionId: error.connection?.id };
    return { kind: 'message', severity: 'warning', message: error.message, actions: [signIn], log: false };
  }
  if (error instanceof ConnectionError) {
    const { connection, cause } = error;
    if (cause.kind === 'auth') {
      const signIn: ErrorAction = { title: 'Sign In', kind: 'signIn', connectionId: connection.id };
      const message = `Could not ${failedTo}: "${connection.name}" refused the credentials (${sentence(cause.message)}). Sign in again.`;
      return { kind: 'message', severity: 'error', message, actions: [signIn], log: true };
    }
    const message = `Could not ${failedTo}: cannot reach "${connection.name}" at ${connection.url} (${sentence(cause.message)}). Check the URL and that the server is running.`;
    return { kind: 'message', severity: 'error', message, actions: [SHOW_LOGS], log: true };
  }
  const reason = FluxbaseApiError.is(error) ? error.message : error instanceof Error ? error.message : String(error);
  return {
    kind: 'message',
    severity: 'error',
    message: `Could not ${failedTo}: ${sentence(reason)}.`,
    actions: [SHOW_LOGS],
    log: true,
  };
}

/** The text without a trailing full stop, so it can sit inside a sentence. */
function sentence(text: string): string {
  return text.trim().replace(/\.+$/, '');
}
