/**
 * The folder one `npm start` run keeps its state in: server data, the demo
 * workspace, the editor's profile and the server log. It is made fresh on
 * every run, so the demo data (with expiry dates relative to now) is always
 * the same. Only a folder this code made itself (it holds a marker file) is
 * ever deleted, and a folder in use by a running `npm start` is left alone.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Environment variable that moves the run folder, e.g. to a temp folder in tests. */
export const START_DIR_VARIABLE = 'FLUXBASE_START_DIR';

const MARKER = '.fluxbase-start';
const PID_FILE = 'start.pid';

/** The folders of one run. */
export interface StartFolders {
  root: string;
  /** The local server's data folder. */
  data: string;
  /** The folder opened in VS Code. */
  workspace: string;
  /** Editor state: user data, extensions, XDG folders. */
  editor: string;
  /** Where the local server's request log goes. */
  serverLog: string;
}

/** The run folder: FLUXBASE_START_DIR, else `.fluxbase/start` in the repository. */
export function startDirectory(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env[START_DIR_VARIABLE] || path.join(repoRoot, '.fluxbase', 'start'));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function runningOwner(root: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(root, PID_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Empties (or creates) `root` and lays out the run's folders, claimed by this
 * process. Throws when another `npm start` uses the folder, or when it holds
 * files that this code did not make.
 */
export function prepareStartFolders(root: string): StartFolders {
  if (existsSync(root)) {
    const owner = runningOwner(root);
    if (owner !== undefined) {
      throw new Error(
        `another npm start (pid ${owner}) is using ${root}: stop it first, or set ${START_DIR_VARIABLE} to another folder`,
      );
    }
    const entries = readdirSync(root);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(
        `${root} is not empty and was not made by npm start, so it is not deleted: set ${START_DIR_VARIABLE} to an empty or new folder`,
      );
    }
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  }
  mkdirSync(root, { recursive: true, mode: 0o700 });
  writeFileSync(path.join(root, MARKER), 'Made by npm start; deleted and made anew on every run.\n');
  writeFileSync(path.join(root, PID_FILE), `${process.pid}\n`);
  const folder = (name: string): string => {
    const full = path.join(root, name);
    mkdirSync(full, { recursive: true });
    return full;
  };
  return {
    root,
    data: folder('data'),
    workspace: folder('workspace'),
    editor: folder('editor'),
    serverLog: path.join(root, 'server.log'),
  };
}

/** Gives up the claim on the folder (its content stays, for a look after the run). */
export function releaseStartFolders(folders: StartFolders): void {
  rmSync(path.join(folders.root, PID_FILE), { force: true });
}
