import type { SecretSummary } from '../api/secretTypes';
import { plainDataEqual } from './plainDataEqual';

/**
 * The refreshed list with every secret that did not change replaced by the
 * equal object of the previous list (matched by id), in the new list's order.
 * A refresh that finds the same list then keeps the objects the store, the
 * tree and the code features already hold: comparing it to the previous one
 * costs an identity check per secret, and the new copies become garbage at
 * once instead of doubling what stays in memory.
 */
export function reuseUnchanged(previous: readonly SecretSummary[], next: readonly SecretSummary[]): SecretSummary[] {
  if (previous.length === 0) {
    return [...next];
  }
  const previousById = new Map<string, SecretSummary>();
  for (const secret of previous) {
    previousById.set(secret.id, secret);
  }
  return next.map((secret) => {
    const before = previousById.get(secret.id);
    return before !== undefined && plainDataEqual(before, secret) ? before : secret;
  });
}
