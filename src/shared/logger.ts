/**
 * The logging port of everything outside `src/host` (in src/shared so that the API client, which
 * imports nothing else from core, can log too). The host implements it
 * with a VS Code `LogOutputChannel`; tests pass a recording fake. Callers
 * never pass a secret value, a token or a request body.
 */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

/** A logger that drops everything, for callers that were given none. */
export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
