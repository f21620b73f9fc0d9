/**
 * The one error type of the API client. Every failure of a request ends as a
 * FluxbaseApiError with a `kind` that callers switch on. Its message is built
 * from the HTTP status and the server's `error` text only: never from a
 * request body, a secret value or a token.
 */
export type FluxbaseErrorKind =
  | 'auth' // 401, or wrong credentials at login (also upstream's 500 "invalid email or password")
  | 'forbidden' // 403 (a key without the scope, user keys disabled)
  | 'notFound' // 404 (secret, version, route)
  | 'conflict' // 409 (name already exists in that scope)
  | 'validation' // 400, or a request the client refuses to send
  | 'rateLimited' // 429, with retryAfterSeconds when the server says
  | 'server' // 5xx
  | 'network' // connection refused, reset, DNS
  | 'timeout' // no answer within the timeout
  | 'malformedResponse' // a body that is not what the contract promises
  | 'unexpectedResponse'; // a well-formed body about another secret than the one the request addressed

/** What a FluxbaseApiError carries besides its kind and message. */
export interface FluxbaseApiErrorOptions {
  status?: number;
  /** The server's `error` text, as sent. */
  serverError?: string;
  retryAfterSeconds?: number;
  /** The scope a 403 says is missing (contract §3.2). */
  requiredScope?: string;
  /** True for the router's catch-all 404 (`{"error":"Not Found","path":…}`): the route itself is missing. */
  missingRoute?: boolean;
  cause?: unknown;
}

/** The one error every client call rejects with; switch on `kind`. */
export class FluxbaseApiError extends Error {
  override readonly name = 'FluxbaseApiError';
  readonly kind: FluxbaseErrorKind;
  readonly status: number | undefined;
  readonly serverError: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly requiredScope: string | undefined;
  /** True when a 404 came from the server's router, not from a handler: the server lacks the route (contract §1.3 WA). */
  readonly missingRoute: boolean;

  constructor(kind: FluxbaseErrorKind, message: string, options: FluxbaseApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.serverError = options.serverError;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.requiredScope = options.requiredScope;
    this.missingRoute = options.missingRoute ?? false;
  }

  /** Whether `value` is a FluxbaseApiError, optionally of the given kind. */
  static is(value: unknown, kind?: FluxbaseErrorKind): value is FluxbaseApiError {
    return value instanceof FluxbaseApiError && (kind === undefined || value.kind === kind);
  }
}
