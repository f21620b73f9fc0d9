/**
 * `keys create`, `keys list` and `keys revoke`: service keys for
 * X-Service-Key, stored as a prefix and a SHA-256 hash. The new key is
 * printed once, alone on stdout, so a script can capture it; notes go to
 * stderr. The commands may run while the server runs on the same folder.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateServiceKey, hashServiceKey, SERVICE_KEY_LOOKUP_LENGTH } from '../auth/serviceKeys';
import { serviceKeyState } from '../auth/serviceKeyState';
import { invalidScopesMessage } from '../auth/serviceKeyScopes';
import { Clock, createSystemClock } from '../clock';
import { storedTimeFromMicros, storedTimeToJson } from '../goCompat/goTime';
import { DATABASE_FILE, openDatabase, SqliteDatabase } from '../storage/database';
import { ServiceKeyRow, ServiceKeysRepository } from '../storage/serviceKeysRepository';
import { InputError } from './cliArgs';
import { parseKeyExpiry } from './keyExpiry';

/** Output streams of the command. */
export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Options of the key commands. */
export interface KeyCommandOptions {
  /** Microseconds since the epoch; default the system clock. Tests pass the server's clock. */
  clock?: Clock;
}

/** Options of `createServiceKey`. */
export interface CreateKeyOptions extends KeyCommandOptions {
  /** `--expires` as typed (30d, 12h, 1w, 1y, an ISO date or time, never); absent: no expiry. */
  expires?: string;
}

/** The header of `keys list`; one tab-separated line per key follows. */
export const KEY_LIST_HEADER = 'ID\tNAME\tSCOPES\tCREATED\tEXPIRES\tREVOKED\tSTATE\n';

function withDatabase<T>(dataDir: string, work: (keys: ServiceKeysRepository) => T): T {
  const db: SqliteDatabase = openDatabase(dataDir);
  try {
    return work(new ServiceKeysRepository(db));
  } finally {
    db.close();
  }
}

/** Like withDatabase, but refuses (InputError) a folder that has no database yet instead of creating one. */
function withExistingDatabase<T>(dataDir: string, work: (keys: ServiceKeysRepository) => T): T {
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    throw new InputError(`no Fluxbase data in "${dataDir}" (no ${DATABASE_FILE}); check --data`);
  }
  return withDatabase(dataDir, work);
}

/**
 * Creates a key with the given comma-separated scopes and prints it once.
 * Every input is checked before the database is opened. Returns the new key's id.
 */
export function createServiceKey(
  dataDir: string,
  scopesText: string,
  name: string,
  output: CommandOutput,
  options: CreateKeyOptions = {},
): string {
  const scopes = scopesText
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
  if (scopes.length === 0) throw new InputError('--scopes needs at least one scope, e.g. read:secrets,write:secrets');
  const invalid = invalidScopesMessage(scopes);
  if (invalid !== undefined) throw new InputError(invalid);
  if (name === '') throw new InputError('--name must not be empty');
  const nowMicros = (options.clock ?? createSystemClock())();
  const expiresAt = options.expires === undefined ? null : parseKeyExpiry(options.expires, nowMicros);
  const id = randomUUID();
  const key = generateServiceKey();
  withDatabase(dataDir, (keys) =>
    keys.insert({
      id,
      name,
      key_prefix: key.slice(0, SERVICE_KEY_LOOKUP_LENGTH),
      key_hash: hashServiceKey(key),
      scopes: JSON.stringify(scopes),
      enabled: 1,
      expires_at: expiresAt,
      created_at: storedTimeFromMicros(nowMicros),
      revoked_at: null,
    }),
  );
  const expiry = expiresAt === null ? 'no expiry' : `expires ${storedTimeToJson(expiresAt)}`;
  output.err(
    `Created service key "${name}" (id ${id}) with scopes ${scopes.join(',')}, ${expiry}. It is shown only this once:\n`,
  );
  output.out(key + '\n');
  return id;
}

function listLine(row: ServiceKeyRow, now: string): string {
  const scopes = (JSON.parse(row.scopes) as string[]).join(',');
  const expires = row.expires_at === null ? 'never' : storedTimeToJson(row.expires_at);
  const revoked = row.revoked_at === null ? '-' : storedTimeToJson(row.revoked_at);
  const fields = [row.id, row.name, scopes, storedTimeToJson(row.created_at), expires, revoked];
  return [...fields, serviceKeyState(row, now)].join('\t') + '\n';
}

/** Lists the keys, oldest first: id, name, scopes, created, expires, revoked, state. Never a key, prefix or hash. */
export function listServiceKeys(dataDir: string, output: CommandOutput, options: KeyCommandOptions = {}): void {
  const now = storedTimeFromMicros((options.clock ?? createSystemClock())());
  const rows = withExistingDatabase(dataDir, (keys) => keys.list());
  if (rows.length === 0) {
    output.err('No service keys.\n');
    return;
  }
  output.out(KEY_LIST_HEADER);
  for (const row of rows) output.out(listLine(row, now));
}

/** The key `idOrName` names: an id, else the one unrevoked key of that name (or, all revoked, the newest). */
function findKey(keys: ServiceKeysRepository, idOrName: string): ServiceKeyRow {
  const byId = keys.findById(idOrName);
  if (byId !== undefined) return byId;
  const named = keys.findByName(idOrName);
  const unrevoked = named.filter((row) => row.revoked_at === null);
  if (unrevoked.length > 1) {
    const ids = unrevoked.map((row) => row.id).join(', ');
    throw new InputError(`${unrevoked.length} keys are named "${idOrName}"; revoke one by id: ${ids}`);
  }
  const found = unrevoked[0] ?? named[named.length - 1];
  if (found === undefined) {
    throw new InputError(`no service key has the id or name "${idOrName}" (keys list shows them)`);
  }
  return found;
}

/**
 * Revokes the key with this id or name: the row stays, with `revoked_at` set,
 * and the server refuses the key from its next request on. Revoking a revoked
 * key changes nothing. Returns the key's id.
 */
export function revokeServiceKey(
  dataDir: string,
  idOrName: string,
  output: CommandOutput,
  options: KeyCommandOptions = {},
): string {
  const now = storedTimeFromMicros((options.clock ?? createSystemClock())());
  return withExistingDatabase(dataDir, (keys) => {
    const row = findKey(keys, idOrName);
    const label = `service key "${row.name}" (id ${row.id})`;
    if (row.revoked_at !== null || !keys.revoke(row.id, now)) {
      const at = keys.findById(row.id)?.revoked_at ?? row.revoked_at ?? now;
      output.out(`The ${label} was already revoked at ${storedTimeToJson(at)}; nothing changed.\n`);
    } else {
      output.out(`Revoked ${label} at ${storedTimeToJson(now)}; the server refuses it from the next request on.\n`);
    }
    return row.id;
  });
}
