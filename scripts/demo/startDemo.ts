/**
 * `npm start` and `npm run start:desktop` after scripts/start.mjs has
 * installed what is missing (dependencies, code-server): builds the extension, starts the
 * local server with demo data, opens VS Code (code-server in the browser, or
 * desktop VS Code) connected to it, prints how to reach it, and stops
 * everything it started on Ctrl-C, SIGTERM or when the editor exits.
 */
import * as path from 'node:path';
import { startBrowserEditor } from './browserEditor';
import { DEMO_ADMIN } from './demoSecrets';
import { startDemoServer } from './demoServer';
import { SAMPLE_FUNCTION, writeDemoWorkspace } from './demoWorkspace';
import { startDesktopEditor } from './desktopEditor';
import { runStep } from './runStep';
import { prepareStartFolders, releaseStartFolders, startDirectory, type StartFolders } from './startFolders';
import { StopList } from './stopList';

/** Which VS Code to open. */
export type DemoEditor = { kind: 'browser' } | { kind: 'desktop'; codePath: string };

/** Options of {@link runDemo}. */
export interface DemoOptions {
  repoRoot: string;
  editor: DemoEditor;
}

/** How a run ended: a signal or the loss of the parent (npm) asked to stop, or the editor went away. */
type Ending =
  | { reason: 'signal'; signal: NodeJS.Signals }
  | { reason: 'parentExited' }
  | { reason: 'editorExited'; detail: string };

/** Builds what the editor loads: the VSIX for code-server, the dev bundle for `--extensionDevelopmentPath`. */
async function build(repoRoot: string, editor: DemoEditor, stops: StopList): Promise<void> {
  if (editor.kind === 'browser') {
    console.log('Building and packaging the extension (dist/fluxbase-secrets.vsix)…');
    await runStep('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stops });
  } else {
    console.log('Building the extension (dist/extension.js)…');
    await runStep(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stops });
  }
}

function printReady(editorLine: string, serverUrl: string, folders: StartFolders): void {
  console.log(
    [
      '',
      'Fluxbase Secrets is running.',
      '',
      editorLine,
      `  Local Fluxbase server:   ${serverUrl}   (log: ${folders.serverLog})`,
      `  Demo admin:              ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`,
      '',
      'The Fluxbase view (the shield in the activity bar) is already connected as "Environment",',
      'through FLUXBASE_URL and FLUXBASE_SERVICE_TOKEN. To try the sign-in flow, run',
      `"Fluxbase Secrets: Add Connection" with the server URL and sign in as the demo admin.`,
      `Open ${SAMPLE_FUNCTION} for completion, hover, diagnostics and "Move to Fluxbase Secret…".`,
      '',
      `The demo data is made anew on every run (in ${folders.root}). Press Ctrl-C to stop.`,
      '',
    ].join('\n'),
  );
}

/** Resolves with the first stop signal, without letting Node's default handling end the process. */
function firstSignal(): Promise<Ending> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => resolve({ reason: 'signal', signal });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, onSignal);
    }
  });
}

/**
 * Resolves when this process's parent is gone. `npm start` runs this under
 * npm and a shell; a SIGTERM sent to npm alone ends the shell but does not
 * reach this process, which would otherwise keep the server and code-server running.
 */
function parentExited(): Promise<Ending> {
  const parent = process.ppid;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (process.ppid !== parent) {
        clearInterval(timer);
        resolve({ reason: 'parentExited' });
      }
    }, 1000);
    timer.unref();
  });
}

/** Throws once a stop was asked for, so that setup goes no further. */
function continueUnlessStopping(stops: StopList): void {
  if (stops.isStopping) {
    throw new Error('stopped before the setup finished');
  }
}

/** What runs once the setup is done. A wrapper, because an async function would wait for a promise it returns. */
interface Running {
  /** Settles when the editor has exited. */
  editorExit: Promise<Ending>;
}

/** Starts the server and the editor; resolves once they run. */
async function startEverything(options: DemoOptions, folders: StartFolders, stops: StopList): Promise<Running> {
  const { repoRoot, editor } = options;
  await build(repoRoot, editor, stops);
  continueUnlessStopping(stops);

  console.log('Starting the local Fluxbase server with demo data…');
  writeDemoWorkspace(folders.workspace);
  const demo = await startDemoServer({
    dataDir: folders.data,
    logFile: folders.serverLog,
    workspace: folders.workspace,
  });
  stops.add('the local Fluxbase server', () => demo.server.close());
  continueUnlessStopping(stops);
  const env = { FLUXBASE_URL: demo.server.url, FLUXBASE_SERVICE_TOKEN: demo.serviceKey };

  continueUnlessStopping(stops);
  if (editor.kind === 'browser') {
    console.log('Starting VS Code in the browser (code-server)…');
    const browser = await startBrowserEditor({
      stateDir: folders.editor,
      workspace: folders.workspace,
      vsixPath: path.join(repoRoot, 'dist', 'fluxbase-secrets.vsix'),
      env,
    });
    stops.add('code-server', () => browser.codeServer.stop());
    printReady(`  VS Code in the browser:  ${browser.url}`, demo.server.url, folders);
    const editorExit = browser.codeServer.exited.then((detail): Ending => ({
      reason: 'editorExited',
      detail: `code-server ${detail}\n${browser.codeServer.output()}`,
    }));
    return { editorExit };
  }
  console.log('Starting desktop VS Code…');
  const desktop = startDesktopEditor({
    codePath: editor.codePath,
    repoRoot,
    stateDir: folders.editor,
    workspace: folders.workspace,
    env,
  });
  stops.add('VS Code', () => desktop.stop());
  printReady(
    '  Desktop VS Code:         a new window (close it, or press Ctrl-C here, to stop)',
    demo.server.url,
    folders,
  );
  return {
    editorExit: desktop.exited.then((detail): Ending => ({ reason: 'editorExited', detail: `VS Code ${detail}` })),
  };
}

/**
 * Runs the demo until Ctrl-C, SIGTERM or the editor's exit, then stops
 * everything it started and resolves with the process exit code: 0 after a
 * requested stop or a closed desktop window, 1 after a failure.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const stops = new StopList();
  const stopAsked = Promise.race([firstSignal(), parentExited()]);
  let folders: StartFolders | undefined;
  let started: Promise<Running> | undefined;
  let exitCode = 0;
  try {
    folders = prepareStartFolders(startDirectory(options.repoRoot));
    started = startEverything(options, folders, stops);
    const ending = await Promise.race([
      stopAsked,
      started.then((running) => Promise.race([stopAsked, running.editorExit])),
    ]);
    if (ending.reason === 'editorExited' && options.editor.kind === 'browser') {
      console.error(`error: ${ending.detail}`);
      exitCode = 1;
    }
  } catch (error) {
    console.error(`\nerror: ${error instanceof Error ? error.message : String(error)}`);
    exitCode = 1;
  }
  console.log('Stopping…');
  await stops.stopAll();
  // A step still under way when the signal came (say, code-server starting) registers what it started
  // when it ends, and the stop list stops that at once: wait for it, so nothing outlives this process.
  await started?.catch(() => undefined);
  await stops.stopAll();
  if (folders) {
    releaseStartFolders(folders);
  }
  console.log('Stopped.');
  return exitCode;
}
