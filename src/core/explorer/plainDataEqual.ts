/**
 * Whether two values made of JSON-like data (primitives, arrays and plain
 * objects) are equal: the same primitives, arrays of equal items in order,
 * objects with the same own enumerable keys and equal values. Shared objects
 * are equal at once without a look inside, which is what keeps comparing a
 * refreshed list or tree cheap: the store keeps the unchanged secrets of the
 * previous list (see reuseUnchanged), so only what changed is walked.
 */
export function plainDataEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // NaN is the one primitive unequal to itself
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && arraysEqual(a, b);
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
    return false;
  }
  return recordsEqual(a as Record<string, unknown>, b as Record<string, unknown>);
}

function arraysEqual(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (!plainDataEqual(a[i], b[i])) {
      return false;
    }
  }
  return true;
}

function recordsEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let keys = 0;
  for (const key in a) {
    if (!Object.prototype.hasOwnProperty.call(a, key)) {
      continue;
    }
    keys++;
    if (!Object.prototype.hasOwnProperty.call(b, key) || !plainDataEqual(a[key], b[key])) {
      return false;
    }
  }
  for (const key in b) {
    if (Object.prototype.hasOwnProperty.call(b, key)) {
      keys--;
    }
  }
  return keys === 0;
}
