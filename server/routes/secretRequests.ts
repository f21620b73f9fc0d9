/**
 * The two request bodies of the secrets API (contract §1.3 (3) and (5)),
 * decoded with Go's rules and checked in upstream's order.
 */
import type { Secret, SecretScope } from '../../src/core/api/secretTypes';
import { decodeGoStruct } from '../goCompat/goJsonDecoder';
import { formatGoTime, GoTime, isStorable, toStoredTime } from '../goCompat/goTime';

const CREATE_SPEC = {
  name: 'string',
  value: 'string',
  scope: 'string',
  namespace: 'nullableString',
  description: 'nullableString',
  expires_at: 'nullableTime',
} as const;

const UPDATE_SPEC = {
  value: 'nullableString',
  description: 'nullableString',
  expires_at: 'nullableTime',
} as const;

/** The 400 message of a body that does not decode. */
export const INVALID_BODY = 'Invalid request body';

/** A checked create request. `namespace` is null for global secrets. */
export interface CreateRequest {
  name: string;
  value: string;
  scope: SecretScope;
  namespace: string | null;
  description: string | null;
  expiresAt: GoTime | undefined;
}

/** A decoded update request; undefined fields were absent or null. */
export interface UpdateRequest {
  value: string | undefined;
  description: string | undefined;
  expiresAt: GoTime | undefined;
}

/** Either the checked request or the 400 message. */
export type Checked<T> = { ok: true; request: T } | { ok: false; message: string };

function storableOrUndefined(time: GoTime | undefined): boolean {
  return time === undefined || isStorable(time);
}

/** Decodes and validates a create body (checks 1–6 of §1.3 (3)). */
export function checkCreateRequest(body: string): Checked<CreateRequest> {
  const decoded = decodeGoStruct(body, CREATE_SPEC);
  if (!decoded || !storableOrUndefined(decoded.expires_at)) return { ok: false, message: INVALID_BODY };
  if (decoded.name === '') return { ok: false, message: 'Name is required' };
  if (decoded.value === '') return { ok: false, message: 'Value is required' };
  const scope = decoded.scope === '' ? 'global' : decoded.scope;
  if (scope !== 'global' && scope !== 'namespace') {
    return { ok: false, message: "Scope must be 'global' or 'namespace'" };
  }
  if (scope === 'namespace' && (decoded.namespace === undefined || decoded.namespace === '')) {
    return { ok: false, message: "Namespace is required when scope is 'namespace'" };
  }
  return {
    ok: true,
    request: {
      name: decoded.name,
      value: decoded.value,
      scope,
      namespace: scope === 'namespace' ? (decoded.namespace ?? null) : null,
      description: decoded.description ?? null,
      expiresAt: decoded.expires_at,
    },
  };
}

/** Decodes an update body and checks that at least one field is given (checks 2–3 of §1.3 (5)). */
export function checkUpdateRequest(body: string): Checked<UpdateRequest> {
  const decoded = decodeGoStruct(body, UPDATE_SPEC);
  if (!decoded || !storableOrUndefined(decoded.expires_at)) return { ok: false, message: INVALID_BODY };
  if (decoded.value === undefined && decoded.description === undefined && decoded.expires_at === undefined) {
    return { ok: false, message: 'At least one field (value, description, or expires_at) must be provided' };
  }
  return {
    ok: true,
    request: { value: decoded.value, description: decoded.description, expiresAt: decoded.expires_at },
  };
}

/** The stored form of an optional expiry. */
export function storedExpiry(time: GoTime | undefined): string | undefined {
  return time === undefined ? undefined : toStoredTime(time);
}

/**
 * The 201 body: built from the request, not read back (contract §1.2), so no
 * created_by/updated_by, and expires_at/description exactly as sent.
 */
export function createdSecretJson(request: CreateRequest, id: string, createdAt: string): string {
  const secret: Secret = {
    id,
    name: request.name,
    scope: request.scope,
    ...(request.namespace !== null ? { namespace: request.namespace } : {}),
    ...(request.description !== null ? { description: request.description } : {}),
    version: 1,
    ...(request.expiresAt !== undefined ? { expires_at: formatGoTime(request.expiresAt) } : {}),
    created_at: createdAt,
    updated_at: createdAt,
  };
  return JSON.stringify(secret);
}
