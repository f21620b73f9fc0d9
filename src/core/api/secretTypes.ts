/**
 * The wire types of the Fluxbase secrets API, with the same names and fields
 * as the Fluxbase SDK's `secrets` module (contract §1.2, §4). No type here
 * ever carries a secret value except the two write requests.
 */

/** Where a secret applies: every function, or the functions of one namespace. */
export type SecretScope = 'global' | 'namespace';

/** A stored secret's metadata, as create, get, update and rollback return it. */
export interface Secret {
  id: string;
  name: string;
  scope: SecretScope;
  /** Omitted for global secrets. */
  namespace?: string;
  description?: string;
  version: number;
  expires_at?: string;
  created_at: string;
  updated_at: string;
  /** Never present in a 201 create response (contract §1.2). */
  created_by?: string;
  updated_by?: string;
}

/** One item of the list response: a Secret plus `is_expired`, which only the list carries. */
export interface SecretSummary extends Secret {
  is_expired: boolean;
}

/** One history row. The list of versions is newest first and includes the current one. */
export interface SecretVersion {
  id: string;
  secret_id: string;
  version: number;
  created_at: string;
  created_by?: string;
}

/** Counts over every secret; `expiring_soon` is strictly within the next 7 days. */
export interface SecretStats {
  total: number;
  expiring_soon: number;
  expired: number;
}

/** Body of POST /api/v1/secrets. `namespace` is required when `scope` is `namespace`. */
export interface CreateSecretRequest {
  name: string;
  value: string;
  scope?: SecretScope;
  namespace?: string;
  description?: string;
  /** RFC 3339 with a zone, e.g. from `Date.prototype.toISOString()`. */
  expires_at?: string;
}

/** Body of the update routes: at least one field. An expiry cannot be cleared. */
export interface UpdateSecretRequest {
  value?: string;
  description?: string;
  expires_at?: string;
}

/** Filters of the list route. The server does not validate `scope`. */
export interface ListSecretsOptions {
  scope?: SecretScope;
  namespace?: string;
}

/** Addresses a namespace secret by name; without it only the global secret of that name is reached. */
export interface SecretByNameOptions {
  namespace?: string;
}
