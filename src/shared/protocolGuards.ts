/**
 * The small runtime checks both webview protocols (historyProtocol.ts,
 * compareProtocol.ts) build their message guards from. Imported by the host
 * and by the browser bundles, so no `vscode` and no Node built-ins.
 */

/** A type guard over a value that arrived from the other side. */
export type Guard<T> = (value: unknown) => value is T;

/** A plain object (not null, not an array): the only shape a message or a view has. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** `guard`, or absent. */
export function isOptional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value: unknown): value is T | undefined => value === undefined || guard(value);
}

/** Checks every index, holes included: `Array.prototype.every` would skip the holes of a sparse array. */
export function isArrayOf<T>(value: unknown, guard: Guard<T>): value is T[] {
  if (!Array.isArray(value)) {
    return false;
  }
  for (let index = 0; index < value.length; index++) {
    if (!guard(value[index])) {
      return false;
    }
  }
  return true;
}

/** A secret's version number: a safe integer from 1 up. */
export function isVersionNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}
