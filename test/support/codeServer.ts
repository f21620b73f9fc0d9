import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import type { CodeServerProfile } from './codeServerProfile';
import { killProcessTree } from './processTree';

const codeServerVersion = '4.100.3';
const startTimeoutMs = 60_000;
const keptOutputLines = 200;

/** A running code-server. */
export interface CodeServer {
  /** Base URL, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  pid: number | undefined;
  /** Its recent output, for diagnosing a failure. */
  output(): string;
  /** Settles (never rejects) with a description once the process has exited. */
  exited: Promise<string>;
  /** Stops code-server and its whole process tree; never rejects. */
  stop(): Promise<void>;
}

/** Options for {@link startCodeServer}. */
export interface StartCodeServerOptions {
  profile: CodeServerProfile;
  /** Folder to open; defaults to the profile's empty workspace. */
  workspace?: string;
  /** Extra environment for code-server, which its extension host inherits. */
  env?: Record<string, string>;
}

/** The folder scripts/installCodeServer.sh installs into. */
export function codeServerDir(): string {
  return (
    process.env.FLUXBASE_CODE_SERVER_DIR ??
    path.join(homedir(), '.cache', 'fluxbase-secrets', `code-server-${codeServerVersion}`)
  );
}

/** code-server's Node entry point; throws with the fix when it is not installed. */
export function codeServerEntry(): string {
  const entry = path.join(codeServerDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) {
    throw new Error(
      `code-server ${codeServerVersion} is not installed at ${codeServerDir()}: run scripts/installCodeServer.sh`,
    );
  }
  return entry;
}

function profileArgs(profile: CodeServerProfile): string[] {
  return ['--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/** Installs a packaged extension (.vsix) into the profile. */
export async function installExtension(profile: CodeServerProfile, vsixPath: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [codeServerEntry(), ...profileArgs(profile), '--install-extension', vsixPath],
    { env: { ...process.env, ...profile.serverEnv, ...profile.xdgEnv }, timeout: startTimeoutMs },
  );
}

/**
 * Starts code-server on 127.0.0.1 port 0 (the OS picks a free port, so it can
 * never collide with something already listening) without auth, telemetry,
 * update checks or workspace trust, and resolves once it listens.
 */
export function startCodeServer(options: StartCodeServerOptions): Promise<CodeServer> {
  const { profile } = options;
  const args = [
    codeServerEntry(),
    '--auth',
    'none',
    '--bind-addr',
    '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...profileArgs(profile),
    options.workspace ?? profile.workspace,
  ];
  // Detached: code-server leads its own process group, which stop() kills as a whole.
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...profile.serverEnv, ...options.env, ...profile.xdgEnv },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const output = (): string => lines.join('\n');
  const stop = (): Promise<void> => killProcessTree(child.pid);
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(`${code ?? signal}`)));

  return new Promise<CodeServer>((resolve, reject) => {
    let settled = false;
    const fail = (reason: string): void => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`code-server did not start: ${reason}\n${output()}`)));
    };
    const timer = setTimeout(() => fail(`no "listening" line within ${startTimeoutMs} ms`), startTimeoutMs);
    const onLine = (line: string): void => {
      lines.push(line);
      lines.splice(0, Math.max(0, lines.length - keptOutputLines));
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match?.[1] && !settled) {
        settled = true;
        clearTimeout(timer);
        resolve({ url: `${match[1]}/`, pid: child.pid, output, exited, stop });
      }
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    child.on('error', (error) => fail(error.message));
    child.on('exit', (code, signal) => fail(`exited with ${code ?? signal}`));
  });
}

/**
 * The workbench URL that opens `folder`, optionally with a `payload` such as
 * extensionDevelopmentPath/extensionTestsPath: the web workbench reads these
 * from the URL (as vscode-remote URIs) where desktop VS Code takes flags.
 */
export function workbenchUrl(server: CodeServer, folder: string, payload: readonly [string, string][] = []): string {
  const url = new URL(server.url);
  url.searchParams.set('folder', folder);
  if (payload.length > 0) {
    url.searchParams.set('payload', JSON.stringify(payload));
  }
  return url.toString();
}

/** A local absolute path as the remote URI the code-server workbench expects in a payload. */
export function remotePathUri(localPath: string): string {
  return `vscode-remote://remote${path.resolve(localPath)}`;
}
