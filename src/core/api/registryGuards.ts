/**
 * Runtime checks of the registry list bodies (contract part 3, §1, §4.2,
 * §6.1), in the manner of responseGuards: required fields typed, optional
 * ones absent or typed, extra keys allowed. A list with no rows is `null`.
 */
import type { EdgeFunctionSummary, JobFunctionSummary } from './registryTypes';
import { arrayOf, type Guard } from './responseGuards';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasCommonFields(value: JsonObject): boolean {
  return (
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    value.name !== '' &&
    typeof value.namespace === 'string' &&
    typeof value.enabled === 'boolean' &&
    typeof value.version === 'number' &&
    Number.isSafeInteger(value.version) &&
    typeof value.source === 'string' &&
    typeof value.created_at === 'string' &&
    typeof value.updated_at === 'string'
  );
}

/** An EdgeFunctionSummary: `description` is a string or `null`, never absent. */
export function isEdgeFunctionSummary(value: unknown): value is EdgeFunctionSummary {
  return (
    isObject(value) && hasCommonFields(value) && (value.description === null || typeof value.description === 'string')
  );
}

/** A JobFunctionSummary: `description` and `schedule` are omitted when empty. */
export function isJobFunctionSummary(value: unknown): value is JobFunctionSummary {
  return (
    isObject(value) &&
    hasCommonFields(value) &&
    (value.description === undefined || typeof value.description === 'string') &&
    (value.schedule === undefined || typeof value.schedule === 'string')
  );
}

/** A list body: an array of items, or `null` (Go's nil slice) for none. */
export function listOrNull<T>(item: Guard<T>): Guard<T[] | null> {
  const list = arrayOf(item);
  return (value: unknown): value is T[] | null => value === null || list(value);
}
