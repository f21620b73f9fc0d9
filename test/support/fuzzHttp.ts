/**
 * A raw HTTP/1.x client over a plain socket, for the fuzz tests: it sends
 * exactly the bytes asked for (invalid methods, non-ASCII targets, repeated
 * or oversized headers, chunked bodies), one request per connection, and
 * parses whatever comes back.
 */
import { connect } from 'node:net';

/** One request, as bytes on the wire. */
export interface RawRequest {
  /** Sent as is, valid token or not. */
  readonly method: string;
  /** The request target, sent as latin1 bytes. */
  readonly target: string;
  /** Default `HTTP/1.1`. */
  readonly httpVersion?: string;
  /**
   * Header lines in order; repeats are sent as repeats. `Host` and `Connection: close` are added, and so is
   * the body's framing unless these lines already hold a Content-Length or Transfer-Encoding.
   */
  readonly headers: readonly (readonly [string, string])[];
  /** Leave out the Host header. */
  readonly omitHost?: boolean;
  readonly body?: Buffer;
  /** Send the body with `Transfer-Encoding: chunked` (in pieces) instead of `Content-Length`. */
  readonly chunked?: boolean;
}

/** A parsed response. */
export interface RawHttpResponse {
  readonly status: number;
  /** Header names lower-cased; repeated headers keep every value. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  readonly body: Buffer;
}

const CRLF = '\r\n';

function encodeRequest(request: RawRequest): Buffer[] {
  const lines = [`${request.method} ${request.target} ${request.httpVersion ?? 'HTTP/1.1'}`];
  if (!request.omitHost) lines.push('Host: 127.0.0.1');
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  lines.push('Connection: close');
  const body = request.body;
  const framed = request.headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name));
  const chunked = request.chunked === true && !framed;
  if (body !== undefined && chunked) lines.push('Transfer-Encoding: chunked');
  else if (body !== undefined && !framed) lines.push(`Content-Length: ${body.length}`);
  const head = Buffer.from(lines.join(CRLF) + CRLF + CRLF, 'latin1');
  if (body === undefined) return [head];
  if (!chunked) return [head, body];
  const parts: Buffer[] = [head];
  const piece = Math.max(1, Math.ceil(body.length / 3));
  for (let start = 0; start < body.length; start += piece) {
    const chunk = body.subarray(start, start + piece);
    parts.push(Buffer.from(chunk.length.toString(16) + CRLF, 'latin1'), chunk, Buffer.from(CRLF, 'latin1'));
  }
  parts.push(Buffer.from('0' + CRLF + CRLF, 'latin1'));
  return parts;
}

function decodeChunked(data: Buffer): Buffer {
  const pieces: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf(CRLF, at, 'latin1');
    if (lineEnd < 0) throw new Error('truncated chunked body');
    const size = parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isInteger(size)) throw new Error('bad chunk size');
    if (size === 0) return Buffer.concat(pieces);
    pieces.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/**
 * Parses the bytes of one response, skipping interim 1xx responses; the
 * response to HEAD has no body. Throws when the bytes are not one response.
 */
export function parseRawResponse(data: Buffer, head = false): RawHttpResponse {
  let rest = data;
  for (;;) {
    const headEnd = rest.indexOf(CRLF + CRLF, 0, 'latin1');
    if (headEnd < 0) throw new Error(`no complete response head in ${JSON.stringify(rest.toString('latin1'))}`);
    const [statusLine = '', ...headerLines] = rest.subarray(0, headEnd).toString('latin1').split(CRLF);
    const match = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(statusLine);
    if (!match?.[1]) throw new Error(`bad status line ${JSON.stringify(statusLine)}`);
    const status = Number(match[1]);
    const headers = new Map<string, string[]>();
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
    }
    const afterHead = rest.subarray(headEnd + 4);
    if (status >= 100 && status < 200) {
      rest = afterHead;
      continue;
    }
    const length = headers.get('content-length')?.[0];
    let body: Buffer;
    if (head) body = Buffer.alloc(0);
    else if (headers.get('transfer-encoding')?.[0]?.toLowerCase() === 'chunked') body = decodeChunked(afterHead);
    else if (length !== undefined) {
      body = afterHead.subarray(0, Number(length));
      if (body.length !== Number(length)) throw new Error(`body shorter than Content-Length ${length}`);
    } else body = afterHead;
    return { status, headers, body };
  }
}

/**
 * Sends one request on a new connection and resolves with the parsed
 * response once the server closes the connection (`Connection: close`). Rejects when no response
 * arrives (connection refused, reset before answering, or nothing within
 * `timeoutMs`, which means the server hung).
 */
export function sendRaw(port: number, request: RawRequest, timeoutMs = 15_000): Promise<RawHttpResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let failure: Error | undefined;
    const timer = setTimeout(() => {
      failure = new Error(`no complete response within ${timeoutMs} ms`);
      socket.destroy();
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    // The server may answer (413, 431) and close before the whole request is written: keep what arrived.
    socket.on('error', (error) => (failure ??= error));
    socket.on('close', () => {
      clearTimeout(timer);
      const data = Buffer.concat(received);
      try {
        resolve(parseRawResponse(data, request.method === 'HEAD'));
      } catch (parseError) {
        reject(failure ?? parseError);
      }
    });
    // One write, as clients do for small requests: a server that answers before reading a body that is
    // still arriving, and closes, makes the kernel reset the connection (RELIABILITY.md, findings).
    // No half-close after writing: Node's server drops a request whose client half-closes before it answers.
    socket.on('connect', () => socket.write(Buffer.concat(encodeRequest(request))));
  });
}
