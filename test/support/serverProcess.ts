/**
 * Runs the local Fluxbase server as a child process (the tsc output,
 * out/server/main.js, so it works after `npx tsc -p .`) on 127.0.0.1 port 0.
 * Every process started here is stopped after the current test, even when
 * the test forgets or fails.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

/** The compiled server entry point. */
export const SERVER_MAIN = resolve(__dirname, '../../server/main.js');

/** How to start the child. */
export interface ServerProcessOptions {
  dataDir: string;
  /** FLUXBASE_* variables; the parent's FLUXBASE_* variables are never inherited. */
  env?: Record<string, string>;
  /** Milliseconds to wait for the listening line; default 20 s. */
  startTimeoutMs?: number;
}

/** A running server child process. */
export interface ServerProcess {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything the child wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, then wait until it is gone. */
  kill(): Promise<void>;
}

/** What a child that exits before listening left behind. */
export interface ExitedServerProcess {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const running = new Set<ChildProcess>();

function childEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('FLUXBASE_')) env[name] = value;
  }
  return { ...env, ...extra };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return once(child, 'exit').then(([code]) => code as number | null);
}

function spawnServer(options: ServerProcessOptions): {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
} {
  const child = spawn(process.execPath, [SERVER_MAIN, '--port', '0', '--data', options.dataDir], {
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return { child, stdout: () => stdout, stderr: () => stderr };
}

/** Starts the server and resolves once it prints `Fluxbase server listening on http://HOST:PORT`. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const { child, stdout, stderr } = spawnServer(options);
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`server did not start in time:\n${stdout()}\n${stderr()}`));
    }, options.startTimeoutMs ?? 20_000);
    const onData = (): void => {
      const match = /Fluxbase server listening on (http:\/\/[^\s]+)/.exec(stdout());
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before listening:\n${stdout()}\n${stderr()}`));
    });
  });
  return {
    url,
    process: child,
    output: () => stdout() + stderr(),
    stop: async () => {
      child.kill('SIGTERM');
      return exited(child);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}

/** Starts the server expecting it to fail at start; resolves with its exit code and output. */
export async function runFailingServerProcess(options: ServerProcessOptions): Promise<ExitedServerProcess> {
  const { child, stdout, stderr } = spawnServer(options);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.startTimeoutMs ?? 20_000);
  const code = await exited(child);
  clearTimeout(timer);
  return { code, stdout: stdout(), stderr: stderr() };
}

/** Kills every child still running. Registered as a root `afterEach` hook when mocha is present. */
export async function killAllServerProcesses(): Promise<void> {
  await Promise.all(
    [...running].map((child) => {
      child.kill('SIGKILL');
      return exited(child);
    }),
  );
}

if (typeof afterEach === 'function') afterEach(killAllServerProcesses);
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
