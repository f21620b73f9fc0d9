import type { CommandArgument } from '../commandArgument';
import { COMMAND_FAILURES, type CommandId } from '../commandIds';
import type { Logger } from '../../shared/logger';
import type { CommandDeps } from './commandDeps';
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
 * COMMAND_FAILURES[id] finishes the sentence "Could not …".
 */
export function runCommand<R>(
  id: CommandId,
  handler: (arg: CommandArgument) => Promise<R>,
  deps: RunCommandDeps,
): (arg: CommandArgument) => Promise<R | undefined> {
  const failedTo = COMMAND_FAILURES[id];
  return async (arg: CommandArgument) => {
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

/** How the extension reports through `deps`: "Sign In" runs the sign-in command, "Show Logs" shows the log. */
export function reportingDeps(
  deps: Pick<CommandDeps, 'notifier' | 'logger' | 'showLogs' | 'executeCommand'>,
): RunCommandDeps {
  return {
    notifier: deps.notifier,
    logger: deps.logger,
    onAction: (action) => {
      if (action.kind === 'signIn') {
        void deps.executeCommand('fluxbaseSecrets.signIn', action.connectionId);
      } else {
        deps.showLogs();
      }
    },
  };
}

/** `handler` wrapped in runCommand the way the extension registers it. */
export function reportingHandler<R>(
  id: CommandId,
  handler: (arg: CommandArgument) => Promise<R>,
  deps: Pick<CommandDeps, 'notifier' | 'logger' | 'showLogs' | 'executeCommand'>,
): (arg: CommandArgument) => Promise<R | undefined> {
  return runCommand(id, handler, reportingDeps(deps));
}
