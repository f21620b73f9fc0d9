import { readFileSync, readdirSync } from 'node:fs';

const graceMs = 3000;
const pollMs = 100;

/** The parent pid of every running process, read from /proc (Linux). Empty where /proc is missing. */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      // The command name in parentheses may itself contain spaces or parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return parents;
}

/** `pid` and all its descendants. */
function processTree(pid: number): number[] {
  const parents = parentPids();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    for (const [child, parent] of parents) {
      if (parent === tree[i] && !tree.includes(child)) {
        tree.push(child);
      }
    }
  }
  return tree;
}

/** Whether a process of this id exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/**
 * Stops a process, its process group (when it was spawned `detached`) and
 * every descendant: SIGTERM, then SIGKILL after a grace period. Never throws
 * and never rejects, so a cleanup cannot fail a test run.
 */
export async function killProcessTree(pid: number | undefined): Promise<void> {
  if (pid === undefined) {
    return;
  }
  try {
    const tree = processTree(pid);
    signal(-pid, 'SIGTERM');
    tree.forEach((p) => signal(p, 'SIGTERM'));
    const deadline = Date.now() + graceMs;
    while (tree.some(isAlive) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    signal(-pid, 'SIGKILL');
    tree.filter(isAlive).forEach((p) => signal(p, 'SIGKILL'));
  } catch (error) {
    console.error(`warning: could not stop process tree ${pid}:`, error);
  }
}
