/**
 * VS Code in the browser for `npm start`: code-server on 127.0.0.1 (a free
 * port) with the freshly packaged VSIX installed into a profile inside the
 * run folder, and FLUXBASE_URL/FLUXBASE_SERVICE_TOKEN in its environment so
 * the Fluxbase view connects with no questions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { installExtension, startCodeServer, workbenchUrl, type CodeServer } from '../../test/support/codeServer';
import { defaultTestSettings, type CodeServerProfile } from '../../test/support/codeServerProfile';

/** A running code-server and the URL that opens the demo workspace in it. */
export interface BrowserEditor {
  codeServer: CodeServer;
  url: string;
}

/** Options of {@link startBrowserEditor}. */
export interface BrowserEditorOptions {
  /** An empty folder for code-server's user data, extensions and XDG folders. */
  stateDir: string;
  workspace: string;
  vsixPath: string;
  /** Environment of code-server and so of the extension host. */
  env: Record<string, string>;
}

function createProfile(stateDir: string, workspace: string): CodeServerProfile {
  const dir = (name: string): string => {
    const full = path.join(stateDir, name);
    mkdirSync(full, { recursive: true });
    return full;
  };
  const profile: CodeServerProfile = {
    root: stateDir,
    userDataDir: dir('user-data'),
    extensionsDir: dir('extensions'),
    workspace,
    browserDir: dir('browser'),
    xdgEnv: { XDG_CONFIG_HOME: dir('xdg/config'), XDG_DATA_HOME: dir('xdg/data'), XDG_CACHE_HOME: dir('xdg/cache') },
  };
  writeFileSync(
    path.join(dir('user-data/User'), 'settings.json'),
    JSON.stringify({ ...defaultTestSettings, 'workbench.startupEditor': 'readme' }, null, 2),
  );
  return profile;
}

/** Installs the VSIX and starts code-server; the caller stops `codeServer`. */
export async function startBrowserEditor(options: BrowserEditorOptions): Promise<BrowserEditor> {
  const profile = createProfile(options.stateDir, options.workspace);
  await installExtension(profile, options.vsixPath);
  const codeServer = await startCodeServer({ profile, workspace: options.workspace, env: options.env });
  // Slashes need no escaping in a query; unescaped, the printed URL shows the folder it opens.
  return { codeServer, url: workbenchUrl(codeServer, options.workspace).replace(/%2F/gi, '/') };
}
