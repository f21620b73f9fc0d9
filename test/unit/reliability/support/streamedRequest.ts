/**
 * A raw-socket client that sends a request head, then its body piece by
 * piece, as a slow uploader does, and records what came back and how the
 * connection ended. With `readAfterSending` it reads nothing until the
 * whole body is out, like clients that write first and read later: a
 * server that answers early and closes on unread bytes makes the kernel
 * reset the connection, and such a client loses the answer.
 */
import { connect } from 'node:net';

/** What to send. */
export interface StreamedRequest {
  readonly head: string;
  /** The body piece of this index. */
  readonly piece: (index: number) => Buffer;
  /** How many pieces; `Infinity` streams until the server closes the connection. */
  readonly pieces: number;
  /** Sent one gap after the last piece (the chunked terminator, or the last byte of a Content-Length), as one more piece. */
  readonly end?: Buffer;
  /** Pause between pieces; 0 sends the next piece as soon as the socket takes it. */
  readonly gapMs: number;
  /** Read nothing until the whole body was written. */
  readonly readAfterSending?: boolean;
}

/** How it went. */
export interface StreamedOutcome {
  /** Every byte the server sent. */
  readonly received: Buffer;
  /** Pieces written (the end counts as one more) when the first byte of the answer arrived; -1: no answer. */
  readonly piecesSentBeforeAnswer: number;
  /** Body bytes the socket accepted. */
  readonly bytesSent: number;
  /** True when every piece and the end were written. */
  readonly sentAll: boolean;
  /** The socket's error, e.g. ECONNRESET or EPIPE when the server reset the connection. */
  readonly error: (Error & { code?: string }) | undefined;
}

/** Sends the request and resolves once the connection is closed, by either side. */
export function streamRequest(url: string, request: StreamedRequest): Promise<StreamedOutcome> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    let sent = 0;
    let bytesSent = 0;
    let sentAll = false;
    let piecesSentBeforeAnswer = -1;
    let error: StreamedOutcome['error'];
    if (request.readAfterSending) socket.pause();
    socket.on('data', (chunk: Buffer) => {
      if (piecesSentBeforeAnswer < 0) piecesSentBeforeAnswer = sent;
      received.push(chunk);
    });
    socket.on('error', (socketError) => (error ??= socketError));
    socket.on('close', () =>
      resolve({ received: Buffer.concat(received), piecesSentBeforeAnswer, bytesSent, sentAll, error }),
    );
    const schedule = (): void => {
      if (request.gapMs > 0) setTimeout(next, request.gapMs);
      else setImmediate(next);
    };
    const finishSending = (): void => {
      sentAll = true;
      if (request.readAfterSending) socket.resume();
    };
    const next = (): void => {
      if (socket.destroyed || socket.writableEnded) return;
      if (sent >= request.pieces) {
        if (request.end) socket.write(request.end);
        sent++;
        return finishSending();
      }
      const piece = request.piece(sent);
      sent++;
      const accepted = socket.write(piece, (writeError) => {
        if (!writeError) bytesSent += piece.length;
      });
      if (sent >= request.pieces && !request.end) finishSending();
      else if (accepted) schedule();
      else socket.once('drain', schedule);
    };
    socket.on('connect', () => {
      socket.write(request.head);
      schedule();
    });
  });
}
