/**
 * The thirteen /api/v1/secrets handlers (contract §1.1, §1.3), each with
 * upstream's check order and exact messages. Values are encrypted here and
 * never leave this file in any form but ciphertext. Writes go through the
 * group commit and are answered only after it has committed them.
 */
import type { Clock } from '../clock';
import type { SecretCipher } from '../crypto/secretCipher';
import { microsFromStoredTime, storedTimeFromMicros, storedTimeToJson } from '../goCompat/goTime';
import { sscanfDecimal } from '../goCompat/sscanf';
import { parseGoUuid } from '../goCompat/uuid';
import { errorBody, Exchange } from '../http/exchange';
import { jsonRequestText } from '../http/requestBody';
import type { GroupCommit } from '../storage/groupCommit';
import type {
  NewSecret,
  SecretChanges,
  SecretRow,
  SecretsRepository,
  SecretSummaryRow,
} from '../storage/secretsRepository';
import { Caller, callerUserId } from '../auth/secretsAuth';
import {
  checkCreateRequest,
  checkUpdateRequest,
  createdSecretJson,
  INVALID_BODY,
  storedExpiry,
  UpdateRequest,
} from './secretRequests';
import type { ReadCache } from './readCache';
import { DELETED_JSON, secretJson, secretListJson, statsJson, versionListJson } from './secretJson';

/** What the handlers work with. */
export interface SecretsDeps {
  readonly repository: SecretsRepository;
  /** Every secrets write goes through it, so concurrent writes share one commit (one fsync). */
  readonly groupCommit: GroupCommit;
  readonly readCache: ReadCache;
  readonly cipher: SecretCipher;
  readonly clock: Clock;
  readonly bodyLimitBytes: number;
}

/** A handler: the exchange, the raw path parameters and the authenticated caller. */
export type SecretsHandler = (
  deps: SecretsDeps,
  exchange: Exchange,
  params: readonly string[],
  caller: Caller,
) => void | Promise<void>;

const SEVEN_DAYS_MICROS = 7 * 24 * 3600 * 1_000_000;
const INVALID_ID = errorBody('Invalid secret ID');
const NOT_FOUND = errorBody('Secret not found');
const INVALID_VERSION = errorBody('Invalid version number');

const INVALID_BODY_JSON = errorBody(INVALID_BODY);

function jsonBody(deps: SecretsDeps, exchange: Exchange): Promise<string | undefined> {
  return jsonRequestText(exchange, deps.bodyLimitBytes, INVALID_BODY_JSON);
}

/** Parses `:id` like google/uuid; sends 400 and returns undefined when it is not one. */
function secretId(exchange: Exchange, raw: string): string | undefined {
  const id = parseGoUuid(raw);
  if (id === undefined) exchange.send(400, INVALID_ID);
  return id;
}

/** Parses `:version` like Sscanf("%d") and requires ≥ 1; sends 400 otherwise. */
function versionNumber(exchange: Exchange, raw: string): bigint | undefined {
  const version = sscanfDecimal(raw);
  if (version === undefined || version < 1n) {
    exchange.send(400, INVALID_VERSION);
    return undefined;
  }
  return version;
}

function byName(deps: SecretsDeps, exchange: Exchange, name: string): SecretRow | undefined {
  const row = deps.repository.getByName(name, exchange.query('namespace'));
  if (!row) exchange.send(404, NOT_FOUND);
  return row;
}

function changesOf(deps: SecretsDeps, request: UpdateRequest): SecretChanges {
  const changes: SecretChanges = {};
  if (request.value !== undefined) changes.encryptedValue = deps.cipher.encrypt(request.value);
  if (request.description !== undefined) changes.description = request.description;
  const expiresAt = storedExpiry(request.expiresAt);
  if (expiresAt !== undefined) changes.expiresAt = expiresAt;
  return changes;
}

/**
 * Runs `write` through the group commit and reads the row back in the same
 * savepoint, so the answer shows this write's version even when other writes
 * of the same secret share the commit. Undefined when `write` found nothing.
 */
function writeThenRead(
  deps: SecretsDeps,
  id: string,
  write: () => boolean,
): Promise<{ row: SecretRow | undefined } | undefined> {
  return deps.groupCommit.run(() => (write() ? { row: deps.repository.getById(id) } : undefined));
}

async function applyUpdate(
  deps: SecretsDeps,
  exchange: Exchange,
  id: string,
  request: UpdateRequest,
  caller: Caller,
): Promise<void> {
  const now = storedTimeFromMicros(deps.clock());
  const changes = changesOf(deps, request);
  const by = callerUserId(caller);
  const updated = await writeThenRead(deps, id, () => deps.repository.update(id, changes, by, now));
  if (!updated) return exchange.send(404, NOT_FOUND);
  if (!updated.row) exchange.send(500, errorBody('Secret updated but failed to retrieve updated data'));
  else exchange.send(200, secretJson(updated.row));
}

async function applyRollback(
  deps: SecretsDeps,
  exchange: Exchange,
  id: string,
  version: bigint,
  caller: Caller,
): Promise<void> {
  const now = storedTimeFromMicros(deps.clock());
  const by = callerUserId(caller);
  const rolledBack = await writeThenRead(deps, id, () => deps.repository.rollback(id, version, by, now));
  if (!rolledBack) return exchange.send(404, errorBody(`Version ${version} not found`));
  if (!rolledBack.row) exchange.send(500, errorBody('Rollback successful but failed to retrieve updated data'));
  else exchange.send(200, secretJson(rolledBack.row));
}

function deleteById(deps: SecretsDeps, id: string): Promise<boolean> {
  return deps.groupCommit.run(() => deps.repository.delete(id));
}

/** The instant until which a list stays the same: the earliest expiry not yet passed. */
function listValidUntil(rows: readonly SecretSummaryRow[]): number {
  let until = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (row.expires_at !== null && !row.is_expired) until = Math.min(until, microsFromStoredTime(row.expires_at));
  }
  return until;
}

/** (1) GET /api/v1/secrets: the unvalidated `scope` and `namespace` filters, ANDed. */
export const listSecrets: SecretsHandler = (deps, exchange) => {
  const scope = exchange.query('scope');
  const namespace = exchange.query('namespace');
  const cacheKey = `list\0${scope}\0${namespace}`;
  let body = deps.readCache.get(cacheKey);
  if (body === undefined) {
    const rows = deps.repository.list(storedTimeFromMicros(deps.clock()), scope, namespace);
    body = Buffer.from(secretListJson(rows));
    deps.readCache.set(cacheKey, body, listValidUntil(rows));
  }
  exchange.send(200, body);
};

/** (2) GET /api/v1/secrets/stats: strict windows around the server clock. */
export const secretStats: SecretsHandler = (deps, exchange) => {
  const micros = deps.clock();
  const stats = deps.repository.stats(storedTimeFromMicros(micros), storedTimeFromMicros(micros + SEVEN_DAYS_MICROS));
  exchange.send(200, statsJson(stats));
};

/** (3) POST /api/v1/secrets. */
export const createSecret: SecretsHandler = async (deps, exchange, _params, caller) => {
  const body = await jsonBody(deps, exchange);
  if (body === undefined) return;
  const checked = checkCreateRequest(body);
  if (!checked.ok) return exchange.send(400, errorBody(checked.message));
  const { request } = checked;
  const now = storedTimeFromMicros(deps.clock());
  const secret: NewSecret = {
    name: request.name,
    scope: request.scope,
    namespace: request.namespace,
    encryptedValue: deps.cipher.encrypt(request.value),
    description: request.description,
    expiresAt: storedExpiry(request.expiresAt) ?? null,
    createdBy: callerUserId(caller),
  };
  const result = await deps.groupCommit.run(() => deps.repository.create(secret, now));
  if (result.kind === 'conflict') {
    return exchange.send(409, errorBody('A secret with this name already exists in the specified scope'));
  }
  exchange.send(201, createdSecretJson(request, result.id, storedTimeToJson(now)));
};

/** (4) GET /api/v1/secrets/:id. */
export const getSecret: SecretsHandler = (deps, exchange, params) => {
  const id = secretId(exchange, params[0] ?? '');
  if (id === undefined) return;
  const row = deps.repository.getById(id);
  if (!row) exchange.send(404, NOT_FOUND);
  else exchange.send(200, secretJson(row));
};

/** (5) PUT /api/v1/secrets/:id: id, then body, then "at least one field", then the update. */
export const updateSecret: SecretsHandler = async (deps, exchange, params, caller) => {
  const id = secretId(exchange, params[0] ?? '');
  if (id === undefined) return;
  const body = await jsonBody(deps, exchange);
  if (body === undefined) return;
  const checked = checkUpdateRequest(body);
  if (!checked.ok) return exchange.send(400, errorBody(checked.message));
  await applyUpdate(deps, exchange, id, checked.request, caller);
};

/** (6) DELETE /api/v1/secrets/:id (history goes by cascade). */
export const deleteSecret: SecretsHandler = async (deps, exchange, params) => {
  const id = secretId(exchange, params[0] ?? '');
  if (id === undefined) return;
  if (!(await deleteById(deps, id))) exchange.send(404, NOT_FOUND);
  else exchange.send(200, DELETED_JSON);
};

/** (7) GET /api/v1/secrets/:id/versions: `[]` for an unknown id. */
export const secretVersions: SecretsHandler = (deps, exchange, params) => {
  const id = secretId(exchange, params[0] ?? '');
  if (id === undefined) return;
  exchange.send(200, versionListJson(deps.repository.versions(id)));
};

/** (8) POST /api/v1/secrets/:id/rollback/:version: the body is ignored. */
export const rollbackSecret: SecretsHandler = async (deps, exchange, params, caller) => {
  const id = secretId(exchange, params[0] ?? '');
  if (id === undefined) return;
  const version = versionNumber(exchange, params[1] ?? '');
  if (version === undefined) return;
  await applyRollback(deps, exchange, id, version, caller);
};

/** (9) GET /api/v1/secrets/by-name/:name. */
export const getSecretByName: SecretsHandler = (deps, exchange, params) => {
  const name = params[0] ?? '';
  const cacheKey = `name\0${exchange.query('namespace')}\0${name}`;
  const cached = deps.readCache.get(cacheKey);
  if (cached !== undefined) return exchange.send(200, cached);
  const row = byName(deps, exchange, name);
  if (!row) return;
  const body = Buffer.from(secretJson(row));
  deps.readCache.set(cacheKey, body);
  exchange.send(200, body);
};

/** (10) PUT /api/v1/secrets/by-name/:name: the body is checked before the lookup. */
export const updateSecretByName: SecretsHandler = async (deps, exchange, params, caller) => {
  const body = await jsonBody(deps, exchange);
  if (body === undefined) return;
  const checked = checkUpdateRequest(body);
  if (!checked.ok) return exchange.send(400, errorBody(checked.message));
  const row = byName(deps, exchange, params[0] ?? '');
  if (row) await applyUpdate(deps, exchange, row.id, checked.request, caller);
};

/** (11) DELETE /api/v1/secrets/by-name/:name. */
export const deleteSecretByName: SecretsHandler = async (deps, exchange, params) => {
  const row = byName(deps, exchange, params[0] ?? '');
  if (!row) return;
  if (!(await deleteById(deps, row.id))) exchange.send(500, errorBody('Failed to delete secret: secret not found'));
  else exchange.send(200, DELETED_JSON);
};

/** (12) GET /api/v1/secrets/by-name/:name/versions. */
export const secretVersionsByName: SecretsHandler = (deps, exchange, params) => {
  const row = byName(deps, exchange, params[0] ?? '');
  if (row) exchange.send(200, versionListJson(deps.repository.versions(row.id)));
};

/** (13) POST /api/v1/secrets/by-name/:name/rollback/:version: the version is parsed before the lookup. */
export const rollbackSecretByName: SecretsHandler = async (deps, exchange, params, caller) => {
  const version = versionNumber(exchange, params[1] ?? '');
  if (version === undefined) return;
  const row = byName(deps, exchange, params[0] ?? '');
  if (row) await applyRollback(deps, exchange, row.id, version, caller);
};
