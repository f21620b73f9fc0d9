/**
 * Answering a request whose body has not all arrived. Answering first and
 * then closing (`Connection: close`, or a connection dropped after the
 * answer) leaves unread bytes in the kernel, which then resets the
 * connection: a client still uploading sees ECONNRESET or EPIPE instead of
 * the answer (Node's HTTP server has no lingering close). So the rest of the
 * body is read and discarded first, within a byte and a time budget; past
 * either, the connection is destroyed unanswered, so a client that never
 * stops sending costs a bounded amount.
 */
import type { IncomingMessage } from 'node:http';

/** How much of an unwanted body the server reads and discards before it drops the connection instead. */
export interface DrainLimits {
  /** Bytes read after the answer was decided. */
  readonly bytes: number;
  /** Milliseconds after the answer was decided. */
  readonly ms: number;
}

/** 64 MiB and 30 s (nginx's lingering close also gives up after 30 s). */
export const DEFAULT_DRAIN_LIMITS: DrainLimits = { bytes: 64 * 1024 * 1024, ms: 30_000 };

/** Reads and discards the rest of the body; `done(true)` once it has all arrived, `done(false)` when the connection is gone. */
function drainBody(req: IncomingMessage, limits: DrainLimits, done: (complete: boolean) => void): void {
  let drained = 0;
  const finish = (complete: boolean): void => {
    clearTimeout(timer);
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('close', onClose);
    if (!complete) req.socket.destroy();
    done(complete);
  };
  const onData = (chunk: Buffer): void => {
    drained += chunk.length;
    if (drained > limits.bytes) finish(false);
  };
  const onEnd = (): void => finish(true);
  const onClose = (): void => finish(req.complete);
  const timer = setTimeout(() => finish(false), limits.ms);
  timer.unref();
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('close', onClose);
  req.resume();
}

/**
 * Calls `answer` once the whole request has been received: at once when it
 * has (`complete`: nothing unread is left in the kernel), else after draining
 * the rest of the body. A body declared larger than the byte budget is not
 * worth draining: `answer(true)` is called at once, and the answer must close
 * the connection. When the connection is gone first (the client left, or a
 * budget ran out and the connection was destroyed), `dropped` is called
 * instead.
 */
export function answerAfterBody(
  req: IncomingMessage,
  limits: DrainLimits,
  answer: (closeConnection: boolean) => void,
  dropped: () => void,
): void {
  if (req.complete) return answer(false);
  if (Number(req.headers['content-length'] ?? 0) > limits.bytes) return answer(true);
  if (req.destroyed || req.socket.destroyed) return dropped();
  drainBody(req, limits, (complete) => (complete ? answer(false) : dropped()));
}
