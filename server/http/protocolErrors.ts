/**
 * Requests that Node's HTTP layer refuses before the request listener runs
 * (unparsable request lines or headers, headers over the size limit, a
 * missing Host, an `Expect` other than 100-continue, CONNECT). Node would
 * answer them with an empty body, or not at all; here they get the same
 * `{"error": …}` JSON envelope as every other error, and the connection is
 * closed.
 */
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { answerAfterBody, DEFAULT_DRAIN_LIMITS, DrainLimits } from './bodyDrain';
import { errorBody } from './exchange';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  408: 'Request Timeout',
  417: 'Expectation Failed',
  431: 'Request Header Fields Too Large',
};

/** Writes a complete JSON error response on a raw socket and closes it. */
function endSocketWithJson(socket: Duplex, status: number, body: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** Answers with JSON and closes, once the request body has been drained (see `answerAfterBody`). */
function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: string, limits: DrainLimits): void {
  answerAfterBody(
    req,
    limits,
    () => writeJson(res, status, body),
    () => undefined,
  );
}

function writeJson(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    Connection: 'close',
  });
  res.end(body);
}

function clientErrorStatus(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/**
 * Wraps the request listener so that an HTTP/1.1 request without a Host
 * header gets a JSON 400. Pair it with `requireHostHeader: false`, which
 * turns off Node's own bodiless 400.
 */
export function requireHostHeader(listener: RequestListener, drainLimits = DEFAULT_DRAIN_LIMITS): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.httpVersion === '1.1' && req.headers.host === undefined) {
      return sendJson(req, res, 400, errorBody(STATUS_TEXT[400] as string), drainLimits);
    }
    listener(req, res);
  };
}

/** Answers the requests Node refuses itself with JSON error bodies instead of bare status lines. */
export function answerProtocolErrorsWithJson(server: Server, drainLimits = DEFAULT_DRAIN_LIMITS): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    // Node's own rule: answer only when nothing of a response has been written yet.
    const written = (socket as Duplex & { bytesWritten?: number }).bytesWritten ?? 0;
    if (error.code === 'ECONNRESET' || !socket.writable || written > 0) {
      socket.destroy();
      return;
    }
    const status = clientErrorStatus(error.code);
    endSocketWithJson(socket, status, errorBody(STATUS_TEXT[status] as string));
  });
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    sendJson(req, res, 417, errorBody(STATUS_TEXT[417] as string), drainLimits);
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    endSocketWithJson(socket, 404, '{"error":"Not Found","path":' + JSON.stringify(req.url ?? '') + '}');
  });
}
