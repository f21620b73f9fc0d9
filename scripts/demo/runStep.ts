/**
 * Runs one setup command of `npm start` (packaging, the code-server install)
 * to its end. While it runs, Ctrl-C stops its whole process tree.
 */
import { spawn } from 'node:child_process';
import { killProcessTree } from '../../test/support/processTree';
import type { StopList } from './stopList';

/** Options of {@link runStep}. */
export interface StepOptions {
  cwd: string;
  stops: StopList;
  /** Show the command's output as it comes (long installs); otherwise it is shown only when the command fails. */
  stream?: boolean;
}

/** Runs `command args`; rejects with the exit status (and the captured output) when it fails or is stopped. */
export function runStep(command: string, args: readonly string[], options: StepOptions): Promise<void> {
  if (options.stops.isStopping) {
    return Promise.reject(new Error('stopped'));
  }
  const stdio = options.stream ? 'inherit' : 'pipe';
  // Detached, so that its process group can be stopped as a whole.
  const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', stdio, stdio], detached: true });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
  let finished = false;
  options.stops.add(`${command} ${args.join(' ')}`, () => (finished ? undefined : killProcessTree(child.pid)));
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      finished = true;
      reject(new Error(`could not run ${command}: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      finished = true;
      if (code === 0) {
        resolve();
      } else {
        const shown = output.trim() ? `\n${output.trim()}` : '';
        reject(new Error(`\`${command} ${args.join(' ')}\` failed (${code ?? signal})${shown}`));
      }
    });
  });
}
