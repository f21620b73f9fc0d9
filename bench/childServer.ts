/**
 * The IPC handshake between the benchmark and the servers it forks: the
 * parent sends `{ type: 'config', config }` (over IPC, since canned bodies
 * can exceed the size limit of a command-line argument), the child reports
 * `{ type: 'ready', url }`, the parent later sends `{ type: 'stop' }`; a
 * child whose parent goes away stops by itself.
 */
import { fork, type ChildProcess } from 'node:child_process';

/** A message from a forked server. */
export type ChildMessage = { type: 'ready'; url: string };

/** Child side: the configuration the parent sends first. */
export function receiveConfig<T>(): Promise<T> {
  return new Promise((resolve) => {
    process.once('message', (message: { type?: string; config?: T }) => {
      if (message.type === 'config') resolve(message.config as T);
    });
  });
}

/** A server running in a child process. */
export interface ForkedServer {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

/** Child side: reports `url`, then runs `close` and exits when told to stop or orphaned. */
export function serveUntilStopped(url: string, close: () => Promise<void>): void {
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') stop();
  });
  process.on('disconnect', stop);
  process.send?.({ type: 'ready', url } satisfies ChildMessage);
}

/** Parent side: forks `script`, sends it `config` and waits for its URL. */
export function forkServer(script: string, config: object): Promise<ForkedServer> {
  const child = fork(script, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.add(child);
  child.send({ type: 'config', config });
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not report ready within ${READY_TIMEOUT_MS} ms`));
    }, READY_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with code ${code} before it was ready`));
    });
    child.once('message', (message: ChildMessage) => {
      clearTimeout(timer);
      resolve({ url: message.url, child, stop: () => stopChild(child) });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send({ type: 'stop' });
  });
}

/** Kills every child still running (used when the benchmark fails or runs out of time). */
export function killAllChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}
