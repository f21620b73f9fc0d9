/**
 * Deterministic made-up secrets for the benchmarks: a tenth global, the rest
 * spread evenly over the namespaces; every tenth namespace secret has the
 * name of a global one (an override), every third has a description, every
 * twentieth an expiry (expired, expiring within 7 days, or later).
 */
import { randomUUID } from 'node:crypto';
import { storedTimeFromMicros } from '../server/goCompat/goTime';
import { secretListJson } from '../server/routes/secretJson';
import type { SecretSummaryRow } from '../server/storage/secretsRepository';

/** How many secrets, over how many namespaces. */
export interface DataSetShape {
  total: number;
  namespaces: number;
}

/** One made-up secret, without a value or server-assigned fields. */
export interface SecretSpec {
  name: string;
  scope: 'global' | 'namespace';
  namespace?: string;
  description?: string;
  /** Milliseconds since the epoch. */
  expiresAtMs?: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** The number of global secrets in a data set of `total`. */
export function globalCount(total: number): number {
  return Math.round(total / 10);
}

/** The name of the `index`-th global secret. */
export function globalName(index: number): string {
  return `GLOBAL_${index}`;
}

/** The name of the `index`-th namespace. */
export function namespaceName(index: number): string {
  return `ns-${String(index).padStart(4, '0')}`;
}

function expiryOf(index: number, nowMs: number): number | undefined {
  if (index % 20 !== 7) return undefined;
  const kind = Math.floor(index / 20) % 3;
  return nowMs + (kind === 0 ? -2 * DAY_MS : kind === 1 ? 3 * DAY_MS : 90 * DAY_MS);
}

/** The secrets of a data set, globals first, each name unique within its scope. */
export function syntheticSecretSpecs(shape: DataSetShape, nowMs: number): SecretSpec[] {
  const globals = globalCount(shape.total);
  const specs: SecretSpec[] = [];
  for (let i = 0; i < shape.total; i++) {
    let spec: SecretSpec;
    if (i < globals) {
      spec = { name: globalName(i), scope: 'global' };
    } else {
      const j = i - globals;
      const indexInNamespace = Math.floor(j / shape.namespaces);
      const name = indexInNamespace % 10 === 0 ? globalName(indexInNamespace / 10) : `APP_SETTING_${indexInNamespace}`;
      spec = { name, scope: 'namespace', namespace: namespaceName(j % shape.namespaces) };
    }
    if (i % 3 === 0) spec.description = `Made-up secret number ${i} for the benchmarks`;
    const expiresAtMs = expiryOf(i, nowMs);
    if (expiresAtMs !== undefined) spec.expiresAtMs = expiresAtMs;
    specs.push(spec);
  }
  return specs;
}

/**
 * The body of `GET /api/v1/secrets` for these secrets, written by the local
 * server's own JSON writer, in the server's order.
 */
export function listResponseText(specs: readonly SecretSpec[], nowMs: number): string {
  const createdBy = randomUUID();
  const rows: SecretSummaryRow[] = specs.map((spec, index) => {
    const stored = storedTimeFromMicros((nowMs - 30 * DAY_MS + index * 1000) * 1000 + 123);
    return {
      id: randomUUID(),
      name: spec.name,
      scope: spec.scope,
      namespace: spec.namespace ?? null,
      description: spec.description ?? null,
      version: 1 + (index % 4),
      expires_at: spec.expiresAtMs === undefined ? null : storedTimeFromMicros(spec.expiresAtMs * 1000),
      is_expired: spec.expiresAtMs !== undefined && spec.expiresAtMs < nowMs ? 1 : 0,
      created_at: stored,
      updated_at: stored,
      created_by: createdBy,
      updated_by: createdBy,
    };
  });
  rows.sort(
    (a, b) =>
      compareText(a.scope, b.scope) || compareText(a.namespace ?? '', b.namespace ?? '') || compareText(a.name, b.name),
  );
  return secretListJson(rows);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
