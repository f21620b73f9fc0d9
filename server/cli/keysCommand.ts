/**
 * `keys create` and `keys list`: service keys for X-Service-Key, stored as a
 * prefix and a SHA-256 hash. The new key is printed once, alone on stdout, so
 * a script can capture it; everything else goes to stderr.
 */
import { randomUUID } from 'node:crypto';
import { generateServiceKey, hashServiceKey, SERVICE_KEY_LOOKUP_LENGTH } from '../auth/serviceKeys';
import { createSystemClock } from '../clock';
import { storedTimeFromMicros, storedTimeToJson } from '../goCompat/goTime';
import { openDatabase } from '../storage/database';
import { ServiceKeysRepository } from '../storage/serviceKeysRepository';

/** Output streams of the command. */
export interface CommandOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Creates a key with the given comma-separated scopes and prints it once. */
export function createServiceKey(dataDir: string, scopesText: string, name: string, output: CommandOutput): void {
  const scopes = scopesText
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
  if (scopes.length === 0) throw new Error('--scopes needs at least one scope, e.g. read:secrets,write:secrets');
  const db = openDatabase(dataDir);
  try {
    const key = generateServiceKey();
    new ServiceKeysRepository(db).insert({
      id: randomUUID(),
      name,
      key_prefix: key.slice(0, SERVICE_KEY_LOOKUP_LENGTH),
      key_hash: hashServiceKey(key),
      scopes: JSON.stringify(scopes),
      enabled: 1,
      expires_at: null,
      created_at: storedTimeFromMicros(createSystemClock()()),
    });
    output.err(`Created service key "${name}" with scopes ${scopes.join(',')}. It is shown only this once:\n`);
    output.out(key + '\n');
  } finally {
    db.close();
  }
}

/** Lists the keys: name, prefix, scopes, creation time (never a key). */
export function listServiceKeys(dataDir: string, output: CommandOutput): void {
  const db = openDatabase(dataDir);
  try {
    const rows = new ServiceKeysRepository(db).list();
    if (rows.length === 0) output.err('No service keys.\n');
    for (const row of rows) {
      const scopes = (JSON.parse(row.scopes) as string[]).join(',');
      output.out(`${row.name}\t${row.key_prefix}…\t${scopes}\t${storedTimeToJson(row.created_at)}\n`);
    }
  } finally {
    db.close();
  }
}
