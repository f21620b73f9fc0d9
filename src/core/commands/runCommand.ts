import type { Logger } from '../logger';
import { presentError, type ErrorAction } from './errorPresentation';
import type { Notifier } from './hostPorts';

/** What the wrapper needs to report a failure and carry out the action the person picks. */
export interface RunCommandDeps {
  notifier: Notifier;
  logger: Logger;
  onAction(action: ErrorAction): void;
}

/**
 * The one place where a command's failure becomes a message. Wraps a handler
 * so that it never rejects: a cancellation ends it silently, any other
 * failure is logged once (with its stack) and shown once, with the action
 * that fixes it. Resolves to the handler's result, or undefined when it failed.
 * `failedTo` finishes the sentence "Could not …" (EXPLORER_COMMANDS[id] for
 * the explorer's commands; the code features pass theirs).
 */
export function runCommand<R>(
  id: string,
  failedTo: string,
  handler: (arg?: unknown) => Promise<R>,
  deps: RunCommandDeps,
): (arg?: unknown) => Promise<R | undefined> {
  return async (arg?: unknown) => {
    try {
      return await handler(arg);
    } catch (error) {
      const presentation = presentError(error, failedTo);
      if (presentation.kind === 'silent') {
        deps.logger.debug(`${id}: cancelled`);
        return undefined;
      }
      if (presentation.log) {
        deps.logger.error(error instanceof Error ? error : String(error));
      } else {
        deps.logger.info(`${id}: ${presentation.message}`);
      }
      const show = presentation.severity === 'warning' ? deps.notifier.warn : deps.notifier.error;
      const titles = presentation.actions.map((action) => action.title);
      void show.call(deps.notifier, presentation.message, ...titles).then(
        (picked) => {
          const action = presentation.actions.find((candidate) => candidate.title === picked);
          if (action) {
            deps.onAction(action);
          }
        },
        (notifyError: unknown) => deps.logger.warn(`Could not show a message: ${String(notifyError)}`),
      );
      return undefined;
    }
  };
}
