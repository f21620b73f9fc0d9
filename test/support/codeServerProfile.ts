import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** Fresh, throw-away folders for one code-server + Chromium session, so no state leaks between runs or into $HOME. */
export interface CodeServerProfile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  /** An empty folder to open as the workspace. */
  workspace: string;
  /** Chromium's profile folder. */
  browserDir: string;
  /** XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME inside the profile. */
  xdgEnv: Record<string, string>;
  /** More environment for code-server (its extension host inherits it). */
  serverEnv?: Record<string, string>;
}

/**
 * No extension gallery for test sessions: code-server's default (open-vsx.org) is asked for the
 * installed extensions' gallery entries at start, which fails with a stack trace on a machine
 * without internet access and is no business of a test. An empty gallery turns the requests off.
 */
export const noGalleryEnv: Readonly<Record<string, string>> = { EXTENSIONS_GALLERY: '{}' };

/** User settings every test session starts with: no welcome page, no git prompts, no trust dialog. */
export const defaultTestSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.tips.enabled': false,
};

/**
 * Creates a profile under the OS temp folder with {@link defaultTestSettings}, a Fluxbase CLI file that does
 * not exist, and `settings` as user settings.
 */
export function createCodeServerProfile(settings: Record<string, unknown> = {}): CodeServerProfile {
  const root = mkdtempSync(path.join(tmpdir(), 'fluxbase-code-server-'));
  const dir = (name: string): string => {
    const full = path.join(root, name);
    mkdirSync(full, { recursive: true });
    return full;
  };
  const profile: CodeServerProfile = {
    root,
    userDataDir: dir('user-data'),
    extensionsDir: dir('extensions'),
    workspace: dir('workspace'),
    browserDir: dir('browser'),
    xdgEnv: {
      XDG_CONFIG_HOME: dir('xdg/config'),
      XDG_DATA_HOME: dir('xdg/data'),
      XDG_CACHE_HOME: dir('xdg/cache'),
    },
    serverEnv: { ...noGalleryEnv },
  };
  const userSettings = {
    ...defaultTestSettings,
    // The runner's own Fluxbase CLI profiles (~/.fluxbase/config.yaml) would add connections to every test.
    'fluxbaseSecrets.cliConfigPath': path.join(root, 'no-fluxbase-cli', 'config.yaml'),
    ...settings,
  };
  writeFileSync(path.join(dir('user-data/User'), 'settings.json'), JSON.stringify(userSettings, null, 2));
  return profile;
}

/** Deletes the profile's folders; never throws. */
export function removeCodeServerProfile(profile: CodeServerProfile): void {
  try {
    rmSync(profile.root, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    console.error(`warning: could not remove ${profile.root}:`, error);
  }
}
