/**
 * Snapshots of everything the server stores, to prove that requests which
 * must not write did not: every row of every table straight from SQLite
 * (ciphertexts included, so even a silent value change shows), and what the
 * API reports (list, each secret, its versions, stats).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { send } from '../../server/serverHarness';

const TABLES = [
  'meta',
  'dashboard_users',
  'service_keys',
  'secrets',
  'secret_versions',
  'edge_functions',
  'job_functions',
] as const;

/** All rows of all tables, in a stable order, leaving out the secrets (and their history) in `excludeIds`. */
export function databaseSnapshot(dataDir: string, excludeIds: readonly string[] = []): string {
  const db = new Database(join(dataDir, 'fluxbase.db'), { readonly: true, fileMustExist: true });
  try {
    const tables: Record<string, unknown[]> = {};
    const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
    for (const table of TABLES) {
      if (!present.has(table)) continue;
      const rows = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
      tables[table] = rows.filter((row) => !excludeIds.includes(String(row.secret_id ?? row.id)));
    }
    return JSON.stringify(tables);
  } finally {
    db.close();
  }
}

/** The list, every listed secret by id with its versions, and the stats, as the API reports them. */
export async function apiSnapshot(url: string, key: string, excludeIds: readonly string[] = []): Promise<string> {
  const headers = { 'X-Service-Key': key };
  const get = async (path: string): Promise<unknown> => {
    const response = await send(url, 'GET', path, { headers });
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status} ${response.text}`);
    return response.json;
  };
  const list = ((await get('/api/v1/secrets')) as { id: string }[]).filter((row) => !excludeIds.includes(row.id));
  const details = [];
  for (const { id } of list) {
    details.push({ secret: await get(`/api/v1/secrets/${id}`), versions: await get(`/api/v1/secrets/${id}/versions`) });
  }
  return JSON.stringify({ list, details, stats: await get('/api/v1/secrets/stats') });
}

/** The rows that differ between two database snapshots (at most 20, each cut to 300 characters), for failure messages. */
export function snapshotDifference(before: string, after: string): string {
  const parse = (snapshot: string) => JSON.parse(snapshot) as Record<string, unknown[]>;
  const [was, now] = [parse(before), parse(after)];
  const lines: string[] = [];
  for (const table of TABLES) {
    const oldRows = new Set((was[table] ?? []).map((row) => JSON.stringify(row)));
    const newRows = new Set((now[table] ?? []).map((row) => JSON.stringify(row)));
    for (const row of oldRows) if (!newRows.has(row)) lines.push(`- ${table} ${row}`);
    for (const row of newRows) if (!oldRows.has(row)) lines.push(`+ ${table} ${row}`);
  }
  const shown = lines.slice(0, 20).map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line));
  return [...shown, ...(lines.length > 20 ? [`… and ${lines.length - 20} more rows`] : [])].join('\n');
}
