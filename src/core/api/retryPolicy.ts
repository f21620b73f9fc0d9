/**
 * When a read is tried again (issue 9): after a network failure, a 502/503/504
 * or a 429, with exponential backoff or the server's `Retry-After`, a bounded
 * number of times. Writes are never retried by the transport: a write that
 * failed on the network may have been applied, so it is reported instead.
 */
import type { HttpResponse } from './errorMapping';
import { parseRetryAfter } from './errorMapping';
import type { FluxbaseApiError } from './fluxbaseApiError';

/** How often and how patiently reads are retried. */
export interface RetryPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  attempts: number;
  /** The first backoff delay; each further retry doubles it. */
  baseDelayMs: number;
}

/** Two retries, 250 ms then 500 ms. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 2, baseDelayMs: 250 };

/** A `Retry-After` longer than this is not waited for: the caller gets the 429 with its retryAfterSeconds. */
export const MAX_RETRY_AFTER_MS = 10_000;
const MAX_BACKOFF_MS = 5_000;
const RETRIED_STATUSES = new Set([429, 502, 503, 504]);

/**
 * The delay before retry number `retryIndex` (0-based) of a read, or undefined
 * when the outcome must be returned as it is.
 */
export function readRetryDelayMs(
  outcome: HttpResponse | FluxbaseApiError,
  retryIndex: number,
  policy: RetryPolicy,
): number | undefined {
  if (retryIndex >= policy.attempts) {
    return undefined;
  }
  const backoff = Math.min(policy.baseDelayMs * 2 ** retryIndex, MAX_BACKOFF_MS);
  if (outcome instanceof Error) {
    return outcome.kind === 'network' ? backoff : undefined;
  }
  if (!RETRIED_STATUSES.has(outcome.status)) {
    return undefined;
  }
  const retryAfterSeconds = parseRetryAfter(outcome.headers['retry-after']);
  if (retryAfterSeconds === undefined) {
    return backoff;
  }
  const retryAfterMs = retryAfterSeconds * 1000;
  return retryAfterMs > MAX_RETRY_AFTER_MS ? undefined : retryAfterMs;
}
