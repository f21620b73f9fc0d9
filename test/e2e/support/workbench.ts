import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { closeChromium, launchChromium } from '../../support/chromium';
import { installExtension, startCodeServer, workbenchUrl, type CodeServer } from '../../support/codeServer';
import {
  createCodeServerProfile,
  removeCodeServerProfile,
  type CodeServerProfile,
} from '../../support/codeServerProfile';
import { repoRoot } from '../../support/repoRoot';
import { runCommand } from './quickInput';
import { saveScreenshot } from './screenshots';
import { activityBarItem } from './workbenchParts';

const workbenchReadyTimeoutMs = 60_000;
/** The extension's view container; its activity-bar entry shows once the workbench knows the extension. */
const extensionContainerTitle = 'Fluxbase';

/** Options for {@link openWorkbench}. */
export interface WorkbenchOptions {
  /** Extra environment for the extension host, e.g. FLUXBASE_URL and FLUXBASE_SERVICE_TOKEN. */
  extensionEnv?: Record<string, string>;
  /** User settings on top of the test defaults. */
  settings?: Record<string, unknown>;
  /** Folder to open; defaults to an empty temp folder. */
  workspace?: string;
  /** User keybindings (keybindings.json), e.g. keys for commands the palette does not list. */
  keybindings?: { key: string; command: string; args?: unknown }[];
  /** The packaged extension; defaults to FLUXBASE_VSIX or dist/fluxbase-secrets.vsix (`npm run package`). */
  vsixPath?: string;
}

/** A code-server workbench in headless Chromium with the packaged extension installed. */
export interface Workbench {
  page: Page;
  browser: BrowserContext;
  server: CodeServer;
  profile: CodeServerProfile;
  /** Saves test-results/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Reloads the window (Developer: Reload Window) and waits for the workbench again (same browser profile, so SecretStorage survives). */
  reload(): Promise<void>;
  /** Closes Chromium, stops code-server and deletes the profile; never rejects. */
  close(): Promise<void>;
}

/** The packaged extension the UI tests install. */
export function defaultVsixPath(): string {
  return process.env.FLUXBASE_VSIX ?? path.join(repoRoot(), 'dist', 'fluxbase-secrets.vsix');
}

async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: workbenchReadyTimeoutMs });
  await activityBarItem(page, extensionContainerTitle).waitFor({ state: 'visible', timeout: workbenchReadyTimeoutMs });
}

/**
 * Starts a fresh code-server (new user-data and extensions folders) with the
 * VSIX installed, opens its workbench in headless Chromium and waits until it
 * is on screen with the extension's activity-bar entry. Whatever was started is stopped again if a step fails.
 */
export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const profile = createCodeServerProfile(options.settings);
  if (options.keybindings) {
    writeFileSync(path.join(profile.userDataDir, 'User', 'keybindings.json'), JSON.stringify(options.keybindings));
  }
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  const close = async (): Promise<void> => {
    await closeChromium(browser);
    await server?.stop();
    removeCodeServerProfile(profile);
  };
  try {
    await installExtension(profile, options.vsixPath ?? defaultVsixPath());
    server = await startCodeServer({ profile, workspace: options.workspace, env: options.extensionEnv });
    browser = await launchChromium(profile.browserDir);
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(workbenchUrl(server, options.workspace ?? profile.workspace), { timeout: workbenchReadyTimeoutMs });
    await waitForWorkbench(page);
    return {
      page,
      browser,
      server,
      profile,
      screenshot: (name) => saveScreenshot(page, name),
      reload: async () => {
        // Through the workbench's own command, as a person does: it saves the window's state (open
        // editors, webview state) before the page goes. A bare page.reload() can outrun that save.
        const reloaded = page.waitForEvent('load', { timeout: workbenchReadyTimeoutMs });
        await runCommand(page, 'Developer: Reload Window');
        await reloaded;
        await waitForWorkbench(page);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
