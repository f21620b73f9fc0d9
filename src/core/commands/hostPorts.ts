/**
 * The small ports, besides UserInput, through which command handlers reach
 * the editor. The host implements them with VS Code's window and env APIs;
 * unit tests pass recording fakes.
 */

/** Non-modal messages. Resolves to the action the person clicked, if any. */
export interface Notifier {
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
}

/** The system clipboard (text only). */
export interface Clipboard {
  writeText(text: string): Promise<void>;
}

/** Shows that a long operation is running while `task` runs. */
export interface ProgressReporter {
  withProgress<T>(title: string, task: () => Promise<T>): Promise<T>;
}
