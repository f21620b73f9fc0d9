/**
 * Early error replies (issues 3 and 9): the server answers some requests
 * before reading their bodies (no credentials, a read-only key on a write,
 * an unknown route, a declared size over the limit, no Host, an unknown
 * `Expect`). Closing a `Connection: close` connection on unread bytes makes
 * the kernel reset it, and the client, still uploading, sees ECONNRESET or
 * EPIPE instead of the JSON error. The server therefore reads and discards the rest of the body
 * before answering, within a byte and a time budget past which it drops the
 * connection: a client that never stops sending costs a bounded amount.
 */
import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { Client } from 'undici';
import { parseRawResponse } from '../../support/fuzzHttp';
import { createKey, send, startTestServer, type TestServer } from '../server/serverHarness';
import { streamRequest, type StreamedOutcome, type StreamedRequest } from './support/streamedRequest';

const LIMIT = 256 * 1024;
const PIECES = 12;
/** A body of 11 pieces of this size stays under the limit (176 KiB); of twice this size it goes over (352 KiB). */
const PIECE_BYTES = 16 * 1024;
const GAP_MS = 10;
const NEW_SECRET = Buffer.from('{"name":"EARLY_REPLY","value":"v"}');

function head(method: string, target: string, headers: readonly string[], withHost = true): string {
  const lines = [`${method} ${target} HTTP/1.1`, ...(withHost ? ['Host: 127.0.0.1'] : []), 'Connection: close'];
  return [...lines, ...headers].join('\r\n') + '\r\n\r\n';
}

/** A JSON object padded with spaces: piece 0 is the object, the others are spaces. */
function bodyPiece(index: number, pieceBytes: number): Buffer {
  return index === 0 ? NEW_SECRET : Buffer.alloc(pieceBytes, 0x20);
}

/** That body with a declared Content-Length, in slow pieces. */
function declaredBody(requestHead: (length: number) => string, pieceBytes = PIECE_BYTES): StreamedRequest {
  return {
    head: requestHead(NEW_SECRET.length + (PIECES - 1) * pieceBytes),
    piece: (index) => bodyPiece(index, pieceBytes),
    pieces: PIECES,
    gapMs: GAP_MS,
  };
}

function chunk(data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
}

/** The same body, chunked. */
function chunkedBody(requestHead: string, pieceBytes = PIECE_BYTES): StreamedRequest {
  return {
    head: requestHead,
    piece: (index) => chunk(bodyPiece(index, pieceBytes)),
    pieces: PIECES,
    end: Buffer.from('0\r\n\r\n'),
    gapMs: GAP_MS,
  };
}

function describeOutcome(outcome: StreamedOutcome): string {
  return `error ${outcome.error?.code ?? 'none'}, ${outcome.bytesSent} bytes sent, ${outcome.received.length} received`;
}

describe('Early error replies (issue 9): an answer given before the body was read reaches the client', function () {
  this.timeout(60_000);
  let server: TestServer;
  let key: string;
  let readOnlyKey: string;

  before(async () => {
    server = await startTestServer({ bodyLimitBytes: LIMIT });
    key = createKey(server.dataDir, '*');
    readOnlyKey = createKey(server.dataDir, 'read:secrets');
  });
  after(() => server.close());

  /** The answer the server gives the same request sent at once (so nothing can be lost). */
  async function answerAtOnce(method: string, path: string, headers: Record<string, string>): Promise<string> {
    const response = await send(server.url, method, path, { headers, body: NEW_SECRET });
    return `${response.status} ${response.text}`;
  }

  /** Streams the request twice, reading while sending and only after sending; both must get the whole answer. */
  async function assertWholeAnswer(request: StreamedRequest, expected: string): Promise<void> {
    for (const readAfterSending of [true, false]) {
      const outcome = await streamRequest(server.url, { ...request, readAfterSending });
      const mode = readAfterSending ? 'reading after sending' : 'reading while sending';
      assert.equal(outcome.error, undefined, `${mode}: the connection was reset (${describeOutcome(outcome)})`);
      assert.ok(outcome.sentAll, `${mode}: the client could not send its whole body (${describeOutcome(outcome)})`);
      const response = parseRawResponse(outcome.received);
      assert.equal(`${response.status} ${response.body.toString()}`, expected, mode);
    }
  }

  it('a 401 for a missing credential, to a body still arriving with Content-Length', async () => {
    const expected = await answerAtOnce('POST', '/api/v1/secrets', { 'Content-Type': 'application/json' });
    assert.match(expected, /^401 \{"error":/);
    const request = declaredBody((length) =>
      head('POST', '/api/v1/secrets', ['Content-Type: application/json', `Content-Length: ${length}`]),
    );
    await assertWholeAnswer(request, expected);
  });

  it('a 403 for a read-only key on a write, to a chunked body still arriving', async () => {
    const headers = { 'Content-Type': 'application/json', 'X-Service-Key': readOnlyKey };
    const expected = await answerAtOnce('POST', '/api/v1/secrets', headers);
    assert.match(expected, /^403 \{"error":"Insufficient permissions"/);
    const request = chunkedBody(
      head('POST', '/api/v1/secrets', [
        'Content-Type: application/json',
        `X-Service-Key: ${readOnlyKey}`,
        'Transfer-Encoding: chunked',
      ]),
    );
    await assertWholeAnswer(request, expected);
  });

  it('a 404 for an unknown route, to a chunked body still arriving', async () => {
    const expected = await answerAtOnce('POST', '/api/v2/nothing', { 'X-Service-Key': key });
    assert.equal(expected, '404 {"error":"Not Found","path":"/api/v2/nothing"}');
    const request = chunkedBody(
      head('POST', '/api/v2/nothing', [`X-Service-Key: ${key}`, 'Transfer-Encoding: chunked']),
    );
    await assertWholeAnswer(request, expected);
  });

  it('a 413 for a declared size over the limit, and for a chunked body that grows past it', async () => {
    const expected = '413 {"error":"Request body too large"}';
    const headers = ['Content-Type: application/json', `X-Service-Key: ${key}`];
    const over = 2 * PIECE_BYTES;
    const declared = declaredBody(
      (length) => head('POST', '/api/v1/secrets', [...headers, `Content-Length: ${length}`]),
      over,
    );
    await assertWholeAnswer(declared, expected);
    const chunked = chunkedBody(head('POST', '/api/v1/secrets', [...headers, 'Transfer-Encoding: chunked']), over);
    await assertWholeAnswer(chunked, expected);
  });

  it('a 400 for a request without Host, to a body still arriving', async () => {
    const request = declaredBody((length) =>
      head('POST', '/api/v1/secrets', [`X-Service-Key: ${key}`, `Content-Length: ${length}`], false),
    );
    await assertWholeAnswer(request, '400 {"error":"Bad Request"}');
  });

  it('a 417 for an Expect other than 100-continue, to a body still arriving', async () => {
    const request = declaredBody((length) =>
      head('POST', '/api/v1/secrets', [`X-Service-Key: ${key}`, 'Expect: 200-ok', `Content-Length: ${length}`]),
    );
    await assertWholeAnswer(request, '417 {"error":"Expectation Failed"}');
  });

  it('a keep-alive client (undici, as the extension) gets its early answer and keeps its connection', async () => {
    const client = new Client(server.url);
    let connections = 0;
    client.on('connect', () => connections++);
    try {
      let index = 0;
      const body = new Readable({
        read() {
          const piece = index < PIECES ? bodyPiece(index, PIECE_BYTES) : null;
          index++;
          setTimeout(() => this.push(piece), GAP_MS);
        },
      });
      const early = await client.request({ method: 'POST', path: '/api/v1/secrets', body });
      assert.equal(early.statusCode, 401);
      assert.match(await early.body.text(), /^\{"error":"Authentication required/);
      const next = await client.request({
        method: 'GET',
        path: '/api/v1/secrets/stats',
        headers: { 'X-Service-Key': key },
      });
      assert.equal(next.statusCode, 200);
      await next.body.text();
      assert.equal(connections, 1, 'both requests went over one connection');
    } finally {
      await client.close();
    }
  });

  it('stored none of the rejected secrets', async () => {
    const response = await send(server.url, 'GET', '/api/v1/secrets', { headers: { 'X-Service-Key': key } });
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, []);
  });
});

describe('Early error replies (issue 9): the drain before an early answer is bounded', function () {
  this.timeout(60_000);
  const DROPPED = /^POST \/api\/v1\/secrets\/\* 401 \d+\.\dms \(connection dropped: request body not drained\)$/;

  /** A client that never stops sending a body the server rejected before reading it. */
  function endlessUpload(pieceBytes: number, gapMs: number): StreamedRequest {
    return {
      head: head('POST', '/api/v1/secrets', ['Content-Type: application/json', 'Transfer-Encoding: chunked']),
      piece: () => chunk(Buffer.alloc(pieceBytes, 0x20)),
      pieces: Infinity,
      gapMs,
    };
  }

  /** The connection was dropped unanswered, the log says why, and the server still answers. */
  async function assertCutOffAndStillServing(server: TestServer, outcome: StreamedOutcome): Promise<void> {
    assert.equal(outcome.received.length, 0, 'no answer to a body that was never drained');
    assert.ok(
      server.logs.some((line) => DROPPED.test(line)),
      server.logs.join('\n'),
    );
    const key = createKey(server.dataDir, '*');
    const response = await send(server.url, 'GET', '/api/v1/secrets/stats', { headers: { 'X-Service-Key': key } });
    assert.equal(response.status, 200);
  }

  it('a client that streams fast forever is cut off once the byte budget is spent, and the server keeps serving', async () => {
    const budget = 512 * 1024;
    const server = await startTestServer({ drainLimits: { bytes: budget, ms: 600_000 } });
    try {
      const outcome = await streamRequest(server.url, endlessUpload(16 * 1024, 0));
      assert.ok(outcome.bytesSent > budget, `cut off only after the budget (${describeOutcome(outcome)})`);
      await assertCutOffAndStillServing(server, outcome);
    } finally {
      await server.close();
    }
  });

  it('a client that trickles forever is cut off once the time budget is spent, and the server keeps serving', async () => {
    const budget = 64 * 1024 * 1024;
    const server = await startTestServer({ drainLimits: { bytes: budget, ms: 300 } });
    try {
      const outcome = await streamRequest(server.url, endlessUpload(256, 20));
      assert.ok(outcome.bytesSent < budget, `cut off by time, not bytes (${describeOutcome(outcome)})`);
      await assertCutOffAndStillServing(server, outcome);
    } finally {
      await server.close();
    }
  });
});
