/** `npm start` run by a UI test as a newcomer would, and what is left of it after it stops. */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { repoRoot } from '../../support/repoRoot';

/** `npm start` as a child in its own process group, so that a test can press Ctrl-C as a terminal does. */
export interface StartRun {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runNpmStart(startDir: string): StartRun {
  const env: NodeJS.ProcessEnv = { ...process.env, FLUXBASE_START_DIR: startDir };
  // What a newcomer's shell would not have: the connection of the test's own harness.
  delete env.FLUXBASE_URL;
  delete env.FLUXBASE_SERVICE_TOKEN;
  const child = spawn('npm', ['start'], {
    cwd: repoRoot(),
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Waits until the output matches `pattern` and returns the first group; fails early if npm start exits. */
export async function waitForOutput(run: StartRun, pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void run.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    const match = pattern.exec(run.output());
    if (match?.[1]) {
      return match[1];
    }
    if (exited) {
      assert.fail(`npm start exited before printing ${pattern}:\n${run.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`npm start did not print ${pattern} within ${timeoutMs} ms:\n${run.output()}`);
}

/** `pid` and every process below it, from `ps`. */
export function processTreeOf(pid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of rows) {
      if (parent === tree[i] && child !== undefined && !tree.includes(child)) {
        tree.push(child);
      }
    }
  }
  return tree;
}

/** True while `pid` runs (a zombie waiting to be reaped does not count). */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Processes whose command line mentions `text`: code-server's mentions its profile inside the start folder. */
export function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text) && isRunning(Number(entry));
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Resolves true when something accepts connections on the port of `url`. */
export function isListening(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
