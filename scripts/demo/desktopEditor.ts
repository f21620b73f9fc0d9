/**
 * Desktop VS Code for `npm run start:desktop`: `code --extensionDevelopmentPath`
 * in a window of its own (its own user-data and extensions folders, so it is
 * a separate instance that gets this environment), waited for until closed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultTestSettings } from '../../test/support/codeServerProfile';
import { killProcessTree } from '../../test/support/processTree';

/** A running desktop VS Code. */
export interface DesktopEditor {
  pid: number | undefined;
  /** Settles with a description once the `code` command has exited (the window was closed). */
  exited: Promise<string>;
  /** Stops it with its process tree; never rejects. */
  stop(): Promise<void>;
}

/** Options of {@link startDesktopEditor}. */
export interface DesktopEditorOptions {
  /** The `code` executable. */
  codePath: string;
  repoRoot: string;
  /** An empty folder for the instance's user data and extensions. */
  stateDir: string;
  workspace: string;
  /** Environment of the window's extension host. */
  env: Record<string, string>;
}

/** The arguments of `code` (exported for tests). */
export function desktopArguments(options: Omit<DesktopEditorOptions, 'codePath' | 'env'>): string[] {
  return [
    '--new-window',
    '--wait',
    '--disable-workspace-trust',
    `--user-data-dir=${path.join(options.stateDir, 'user-data')}`,
    `--extensions-dir=${path.join(options.stateDir, 'extensions')}`,
    `--extensionDevelopmentPath=${options.repoRoot}`,
    options.workspace,
  ];
}

/** Starts `code` on the workspace with the extension under development. */
export function startDesktopEditor(options: DesktopEditorOptions): DesktopEditor {
  const settingsDir = path.join(options.stateDir, 'user-data', 'User');
  mkdirSync(settingsDir, { recursive: true });
  mkdirSync(path.join(options.stateDir, 'extensions'), { recursive: true });
  writeFileSync(
    path.join(settingsDir, 'settings.json'),
    JSON.stringify({ ...defaultTestSettings, 'workbench.startupEditor': 'readme' }, null, 2),
  );
  const child = spawn(options.codePath, desktopArguments(options), {
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: 'inherit',
    // code.cmd on Windows runs only through a shell.
    shell: process.platform === 'win32',
  });
  const exited = new Promise<string>((resolve) => {
    child.on('error', (error) => resolve(`could not start: ${error.message}`));
    child.on('exit', (code, signal) => resolve(`exited with ${code ?? signal}`));
  });
  return { pid: child.pid, exited, stop: () => killProcessTree(child.pid) };
}
