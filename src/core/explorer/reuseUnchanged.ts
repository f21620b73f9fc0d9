import { setImmediate as nextTurn } from 'node:timers/promises';
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
  const keep = keeper(previous);
  return next.map(keep);
}

/** Secrets compared per turn by {@link reuseUnchangedInSlices}. */
export const SECRETS_PER_SLICE = 5000;

/**
 * {@link reuseUnchanged} in slices of `perSlice` secrets, each in a turn of the event loop of its
 * own, so that the comparison of a refreshed list of 50,000 secrets does not hold the host.
 */
export async function reuseUnchangedInSlices(
  previous: readonly SecretSummary[],
  next: readonly SecretSummary[],
  perSlice: number = SECRETS_PER_SLICE,
): Promise<SecretSummary[]> {
  // always a turn first: the list arrives in the turn that parsed its last slice
  await nextTurn();
  if (previous.length === 0) {
    return [...next];
  }
  const keep = keeper(previous);
  const kept: SecretSummary[] = [];
  for (let start = 0; start < next.length; start += perSlice) {
    if (start > 0) await nextTurn();
    for (const secret of next.slice(start, start + perSlice)) kept.push(keep(secret));
  }
  return kept;
}

/** Maps a new secret to the equal one of `previous` (same id, same data), or to itself. */
function keeper(previous: readonly SecretSummary[]): (secret: SecretSummary) => SecretSummary {
  const previousById = new Map<string, SecretSummary>();
  for (const secret of previous) {
    previousById.set(secret.id, secret);
  }
  return (secret) => {
    const before = previousById.get(secret.id);
    return before !== undefined && plainDataEqual(before, secret) ? before : secret;
  };
}
