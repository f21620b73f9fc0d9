/**
 * A closed-loop HTTP load generator: `concurrency` requests in flight on as
 * many keep-alive connections, each sent as soon as the previous one on its
 * connection is answered, for a fixed time; every latency is recorded.
 */
import { Pool } from 'undici';
import { percentile } from './stats';

/** One kind of request to send. */
export interface LoadRequest {
  method: 'GET' | 'PUT';
  path: string;
  headers: Record<string, string>;
  /** A fresh body per request (e.g. a new value for each update). */
  body?: (sequence: number) => string;
}

/** What one load run measured. */
export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses that were not 2xx, and transport failures. */
  errors: number;
}

/** Sends `request` to `origin` at `concurrency` for `warmupMs` unrecorded, then `durationMs` recorded. */
export async function runLoad(
  origin: string,
  request: LoadRequest,
  concurrency: number,
  warmupMs: number,
  durationMs: number,
): Promise<LoadFigures> {
  const pool = new Pool(origin, { connections: concurrency, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let sequence = 0;
  const warmupEnds = performance.now() + warmupMs;
  const ends = warmupEnds + durationMs;
  let measuredFrom = Number.NaN;
  let measuredTo = Number.NaN;

  const loop = async (): Promise<void> => {
    for (;;) {
      const started = performance.now();
      if (started >= ends) return;
      let ok = false;
      try {
        const response = await pool.request({
          method: request.method,
          path: request.path,
          headers: request.headers,
          body: request.body?.(sequence++),
        });
        // dump() would destroy the socket past its limit; a finite large one reads any of these bodies in full.
        await response.body.dump({ limit: 2 ** 30 });
        ok = response.statusCode >= 200 && response.statusCode < 300;
      } catch {
        ok = false;
      }
      const finished = performance.now();
      if (started >= warmupEnds) {
        if (Number.isNaN(measuredFrom)) measuredFrom = started;
        measuredTo = finished;
        latencies.push(finished - started);
        if (!ok) errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, loop));
  } finally {
    await pool.close();
  }
  const seconds = (measuredTo - measuredFrom) / 1000;
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    errors,
  };
}
