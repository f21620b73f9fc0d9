/**
 * JSON text of the secrets API's resources (contract §1.2), written by hand
 * for speed with the struct field order of upstream's Go types; optional
 * fields are omitted, never null.
 */
import { storedTimeToJson } from '../goCompat/goTime';
import type { SecretRow, SecretStatsRow, SecretSummaryRow, SecretVersionRow } from '../storage/secretsRepository';

const str = JSON.stringify;

function time(stored: string): string {
  return '"' + storedTimeToJson(stored) + '"';
}

function head(row: SecretRow): string {
  let json = '{"id":"' + row.id + '","name":' + str(row.name) + ',"scope":' + str(row.scope);
  if (row.namespace !== null) json += ',"namespace":' + str(row.namespace);
  if (row.description !== null) json += ',"description":' + str(row.description);
  json += ',"version":' + row.version;
  if (row.expires_at !== null) json += ',"expires_at":' + time(row.expires_at);
  return json;
}

function tail(row: SecretRow): string {
  let json = ',"created_at":' + time(row.created_at) + ',"updated_at":' + time(row.updated_at);
  if (row.created_by !== null) json += ',"created_by":"' + row.created_by + '"';
  if (row.updated_by !== null) json += ',"updated_by":"' + row.updated_by + '"';
  return json + '}';
}

/** A Secret (get, update, rollback). */
export function secretJson(row: SecretRow): string {
  return head(row) + tail(row);
}

/** A SecretSummary: a Secret with `is_expired` between `expires_at` and `created_at`. */
export function secretSummaryJson(row: SecretSummaryRow): string {
  return head(row) + (row.is_expired ? ',"is_expired":true' : ',"is_expired":false') + tail(row);
}

/** The list response: always an array, `[]` when empty. */
export function secretListJson(rows: readonly SecretSummaryRow[]): string {
  let json = '[';
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) json += ',';
    json += secretSummaryJson(rows[i] as SecretSummaryRow);
  }
  return json + ']';
}

/** The versions response, newest first as given. */
export function versionListJson(rows: readonly SecretVersionRow[]): string {
  return (
    '[' +
    rows
      .map((row) => {
        let json = '{"id":"' + row.id + '","secret_id":"' + row.secret_id + '","version":' + row.version;
        json += ',"created_at":' + time(row.created_at);
        if (row.created_by !== null) json += ',"created_by":"' + row.created_by + '"';
        return json + '}';
      })
      .join(',') +
    ']'
  );
}

/** The stats response; a map in Go, so its keys are alphabetical. */
export function statsJson(stats: SecretStatsRow): string {
  return '{"expired":' + stats.expired + ',"expiring_soon":' + stats.expiring_soon + ',"total":' + stats.total + '}';
}

/** The body of both delete routes. */
export const DELETED_JSON = '{"message":"Secret deleted successfully"}';
