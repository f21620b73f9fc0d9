/**
 * The data folder and everything in it belong to the server's user alone. On
 * every start (and every `keys` command) the folder is made mode 0700, the
 * database files mode 0600, and files that hold keys are refused when another
 * user owns them or group/others may read or write them: a key planted by
 * someone else would let them forge tokens or read secrets. The messages name
 * the file and the command that fixes it. On Windows, where modes and uids do
 * not exist, nothing is checked.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, Stats, statSync } from 'node:fs';

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/** The server's uid, or undefined where there are no uids (Windows). */
function serverUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}

function quoted(path: string): string {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

function octal(mode: number): string {
  return '0' + (mode & 0o777).toString(8).padStart(3, '0');
}

/** Throws when `stat` belongs to another user than the server's. */
function requireOwner(path: string, what: string, stat: Stats, uid: number): void {
  if (stat.uid === uid) return;
  throw new Error(
    `refusing to use ${what} ${path}: it is owned by uid ${stat.uid}, not by this server's user (uid ${uid}). ` +
      `If it is yours, run \`chown ${uid} ${quoted(path)}\`; otherwise remove it`,
  );
}

/** Sets `mode` unless already set; throws a readable error when that fails. */
function restrictMode(path: string, what: string, stat: Stats, mode: number): void {
  if ((stat.mode & 0o777) === mode) return;
  try {
    chmodSync(path, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(
      `cannot make ${what} ${path} private (chmod ${octal(mode)} failed: ${code}); ` +
        `run \`chmod ${mode.toString(8)} ${quoted(path)}\` as its owner, or choose another --data folder`,
    );
  }
}

/** Creates the folder when missing; refuses one owned by another user; sets mode 0700. */
export function prepareDataFolder(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: FOLDER_MODE });
  const uid = serverUid();
  if (uid === undefined) return;
  const stat = statSync(dataDir);
  requireOwner(dataDir, 'the data folder', stat, uid);
  restrictMode(dataDir, 'the data folder', stat, FOLDER_MODE);
}

/** Creates the database file with mode 0600 when missing, and sets 0600 on it and its -wal and -shm files. */
export function restrictDatabaseFiles(databasePath: string): void {
  if (!existsSync(databasePath)) closeSync(openSync(databasePath, 'a', FILE_MODE));
  if (serverUid() === undefined) return;
  for (const path of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) {
    if (existsSync(path)) restrictMode(path, 'the database file', statSync(path), FILE_MODE);
  }
}

/** Throws unless the key file is the server user's and no one else may read or write it. */
export function requirePrivateKeyFile(path: string): void {
  const uid = serverUid();
  if (uid === undefined) return;
  const stat = statSync(path);
  requireOwner(path, 'the key file', stat, uid);
  if ((stat.mode & 0o077) === 0) return;
  throw new Error(
    `refusing to use the key file ${path}: group or others may read or write it (mode ${octal(stat.mode)}). ` +
      `Run \`chmod 600 ${quoted(path)}\``,
  );
}
