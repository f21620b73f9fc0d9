/**
 * Turns HTTP answers and transport failures into FluxbaseApiError. Messages
 * are built from the status, the server's `error` text and the server URL
 * only; any request value the server echoes back is redacted first.
 */
import { FluxbaseApiError, type FluxbaseErrorKind } from './fluxbaseApiError';

/** A response as the transport read it: status, headers and the whole body as text. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Shorter strings are not redacted: replacing one or two characters would garble every message. */
const MIN_REDACTED_LENGTH = 4;
const MAX_DETAIL_LENGTH = 200;
const REDACTED = '[redacted]';

interface ErrorBody {
  error?: string;
  requiredScope?: string;
  missingRoute: boolean;
}

/** The error for a non-2xx response. `sensitiveValues` (e.g. a secret value sent in the request) are redacted from the server text. */
export function errorFromResponse(response: HttpResponse, sensitiveValues: readonly string[] = []): FluxbaseApiError {
  const { status } = response;
  const body = readErrorBody(status, response.text);
  const serverError = body.error === undefined ? undefined : redact(body.error, sensitiveValues);
  const retryAfterSeconds = parseRetryAfter(response.headers['retry-after']);
  const kind = kindForStatus(status);
  const message = messageFor(kind, status, serverError, body, retryAfterSeconds);
  return new FluxbaseApiError(kind, message, {
    status,
    serverError,
    retryAfterSeconds,
    requiredScope: body.requiredScope,
    missingRoute: body.missingRoute,
  });
}

/** The error for a 2xx body that is not JSON or does not have the promised shape. */
export function malformedResponse(method: string, routeShape: string, status: number): FluxbaseApiError {
  return new FluxbaseApiError(
    'malformedResponse',
    `The server sent an unexpected response to ${method} ${routeShape} (${status})`,
    { status },
  );
}

/** The code of the error a request is aborted with when its deadline passes. */
const DEADLINE_CODE = 'FLUXBASE_DEADLINE_EXCEEDED';

/** The reason a request is aborted with at its deadline; errorFromTransportFailure maps it to `timeout`. */
export function deadlineExceeded(): Error {
  return Object.assign(new Error('The response did not complete in time'), { code: DEADLINE_CODE });
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed by the server',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CLOSED: 'the client was closed',
  UND_ERR_DESTROYED: 'the client was closed',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'the response was cut off',
};

/**
 * The error for a request that got no complete HTTP answer. Only the error
 * code is read, never the error's message: undici's messages can quote
 * request headers or bodies.
 */
export function errorFromTransportFailure(
  error: unknown,
  displayUrl: string,
  timeouts: { connectMs: number; responseMs: number },
): FluxbaseApiError {
  if (FluxbaseApiError.is(error)) {
    return error;
  }
  const code = errorCode(error);
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new FluxbaseApiError(
        'timeout',
        `Cannot connect to ${displayUrl} within ${formatDuration(timeouts.connectMs)}`,
        { cause: error },
      );
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case DEADLINE_CODE:
      return new FluxbaseApiError(
        'timeout',
        `No response from ${displayUrl} within ${formatDuration(timeouts.responseMs)}`,
        { cause: error },
      );
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return new FluxbaseApiError('malformedResponse', `The response from ${displayUrl} is too large`);
    case 'UND_ERR_INVALID_ARG':
      return new FluxbaseApiError('validation', 'The request could not be sent: a header or argument is invalid');
  }
  const reason = code === undefined ? undefined : NETWORK_REASONS[code];
  if (reason !== undefined) {
    return new FluxbaseApiError('network', `Cannot reach ${displayUrl}: ${reason}`, { cause: error });
  }
  return new FluxbaseApiError('network', `Cannot reach ${displayUrl}: ${code ?? 'unknown network error'}`);
}

/** `Retry-After` in seconds: a delay or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (value === undefined || value === '') {
    return undefined;
  }
  if (/^\d+$/.test(value)) {
    return Number(value);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** `1.5 s`, `200 ms`: for messages about time limits. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${ms / 1000} s`;
}

function kindForStatus(status: number): FluxbaseErrorKind {
  switch (status) {
    case 401:
      return 'auth';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 408:
      return 'timeout';
    case 409:
      return 'conflict';
    case 429:
      return 'rateLimited';
  }
  return status >= 500 ? 'server' : 'validation';
}

function messageFor(
  kind: FluxbaseErrorKind,
  status: number,
  serverError: string | undefined,
  body: ErrorBody,
  retryAfterSeconds: number | undefined,
): string {
  const detail = serverError === undefined ? undefined : readable(serverError, status >= 500) || undefined;
  const withStatus = (text: string): string => `${text} (${status})`;
  const described = (summary: string): string => withStatus(detail === undefined ? summary : `${summary}: ${detail}`);
  switch (kind) {
    case 'auth':
      return described('Authentication failed');
    case 'forbidden':
      return body.requiredScope === undefined
        ? described('Access denied')
        : withStatus(`This key lacks the ${body.requiredScope} scope`);
    case 'notFound':
      if (body.missingRoute) {
        return withStatus('This server does not support the request');
      }
      return withStatus(detail ?? 'Not found');
    case 'conflict':
      return withStatus(detail ?? 'Conflict');
    case 'rateLimited':
      return withStatus(
        retryAfterSeconds === undefined ? 'Too many requests' : `Too many requests; retry in ${retryAfterSeconds} s`,
      );
    case 'timeout':
      return described('The server timed out the request');
    case 'server':
      return described(status === 503 ? 'Server unavailable' : 'Server error');
    default:
      return described('The server rejected the request');
  }
}

function readErrorBody(status: number, text: string): ErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { missingRoute: false };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { missingRoute: false };
  }
  const fields = parsed as Record<string, unknown>;
  const error = typeof fields.error === 'string' ? fields.error : undefined;
  return {
    error,
    requiredScope: typeof fields.required_scope === 'string' ? fields.required_scope : undefined,
    missingRoute: status === 404 && error === 'Not Found' && 'path' in fields,
  };
}

/**
 * One line, bounded. For 5xx, upstream appends the internal error chain after
 * the first `: ` (contract §1.5); the message keeps the readable head and the
 * full text stays in `serverError`.
 */
function readable(text: string, isServerFault: boolean): string {
  let line = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  if (isServerFault) {
    const cut = line.indexOf(': ');
    line = cut > 0 ? line.slice(0, cut) : line;
  }
  return line.length > MAX_DETAIL_LENGTH ? `${line.slice(0, MAX_DETAIL_LENGTH)}…` : line;
}

function redact(text: string, sensitiveValues: readonly string[]): string {
  return sensitiveValues
    .filter((value) => typeof value === 'string' && value.length >= MIN_REDACTED_LENGTH)
    .reduce((result, value) => result.split(value).join(REDACTED), text);
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    return code;
  }
  // undici wraps some socket failures; the OS code then sits on the cause.
  return errorCode((error as { cause?: unknown }).cause);
}
