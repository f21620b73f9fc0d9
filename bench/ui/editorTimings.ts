/**
 * What `npm run bench:ui` does in one workbench, as a person would, each timed
 * from the page (Playwright, on the marks' clock) from the user's action to
 * what the user waits for being drawn.
 */
import type { Locator, Page } from 'playwright-core';
import { historyPage } from '../../test/e2e/support/historyPage';
import type { Workbench } from '../../test/e2e/support/workbench';
import { activityBarItem, rowAction, rowLabelled } from '../../test/e2e/support/workbenchParts';
import { benchPingText } from '../../src/shared/perfMarks';
import { epochNow } from './benchMarksReader';
import { extensionHostUp } from './extensionHostLog';

const TIMEOUT_MS = 120_000;

/** Keys the bench binds (keybindings.json) to its ping and to commands it times without the palette. */
export const BENCH_KEYS = {
  ping: { key: 'ctrl+alt+shift+f9', press: 'Control+Alt+Shift+F9', command: 'fluxbaseSecrets.benchPing' },
  refresh: { key: 'ctrl+alt+shift+f10', press: 'Control+Alt+Shift+F10', command: 'fluxbaseSecrets.refresh' },
  filter: { key: 'ctrl+alt+shift+f11', press: 'Control+Alt+Shift+F11', command: 'fluxbaseSecrets.filter' },
} as const;

/** The keybindings.json of a bench workbench. */
export const benchKeybindings = Object.values(BENCH_KEYS).map(({ key, command }) => ({ key, command }));

/** A timed step: when it started (ms since the epoch) and how long until the page showed the result. */
export interface Timed {
  started: number;
  ms: number;
}

async function timed(action: () => Promise<unknown>, done: () => Promise<unknown>): Promise<Timed> {
  const started = epochNow();
  await action();
  await done();
  return { started, ms: epochNow() - started };
}

/** Activity-bar entry clicked → the Secrets view's `Global` row drawn (the list loaded, mapped and rendered). */
export function firstRows(workbench: Workbench): Promise<Timed> {
  const { page } = workbench;
  return timed(
    () => activityBarItem(page, 'Fluxbase').click(),
    () => rowLabelled(page, 'Global').waitFor({ state: 'visible', timeout: TIMEOUT_MS }),
  );
}

/**
 * The same in a window already running: clicked `settleMs` after the extension host
 * logged its eager extensions activated, as a person opens the view of an editor they use.
 */
export async function firstRowsInRunningWindow(workbench: Workbench, settleMs: number): Promise<Timed> {
  await extensionHostUp(workbench.profile.userDataDir, TIMEOUT_MS);
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return firstRows(workbench);
}

/**
 * The floor of a command: its key pressed → the extension's empty command
 * (src/host/bench/benchPing.ts) run → its status-bar text drawn; `n` counts this workbench's pings from 1.
 */
export function pingRoundTrip(page: Page, n: number): Promise<Timed> {
  return timed(
    () => page.keyboard.press(BENCH_KEYS.ping.press),
    () => page.locator('.statusbar', { hasText: benchPingText(n) }).waitFor({ state: 'visible', timeout: TIMEOUT_MS }),
  );
}

/** Opens the Global group (unless open) and waits for its first secret row. */
export async function expandGlobal(page: Page, firstName: string): Promise<void> {
  const global = rowLabelled(page, 'Global');
  if ((await global.getAttribute('aria-expanded')) !== 'true') await global.click();
  await rowLabelled(page, firstName).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
}

/** Refresh's key pressed → `newName` (created on the server just before, sorted first in Global) drawn. */
export function refreshShows(page: Page, newName: string): Promise<Timed> {
  return timed(
    () => page.keyboard.press(BENCH_KEYS.refresh.press),
    () => rowLabelled(page, newName).waitFor({ state: 'visible', timeout: TIMEOUT_MS }),
  );
}

/**
 * Refresh's key pressed → the row `name` (on screen) drawn with the version `version` (the secret was
 * updated on the server just before: only its group changed).
 */
export function refreshShowsVersion(page: Page, name: string, version: number): Promise<Timed> {
  return timed(
    () => page.keyboard.press(BENCH_KEYS.refresh.press),
    () =>
      rowLabelled(page, name)
        .locator('.label-description', { hasText: new RegExp(`^v${version}\\b`) })
        .waitFor({ state: 'visible', timeout: TIMEOUT_MS }),
  );
}

/** The filter timed: to the rows and the view's message both drawn, and (`rowsMs`) to the rows alone. */
export interface FilterTimed extends Timed {
  rowsMs: number;
}

/**
 * The filter's key pressed → its input box shown. A key pressed while the workbench moves focus (an editor
 * closing) can be lost: the key is pressed again, at most twice more, before giving up.
 */
async function openFilterInput(page: Page): Promise<Locator> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(BENCH_KEYS.filter.press);
    try {
      await input.waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : TIMEOUT_MS });
      return input;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * The filter's key pressed and `text` typed; timed from Enter → the row `expected` (out of sight before)
 * drawn (`rowsMs`), and → the view's "Showing secrets matching" message drawn too. VS Code sends a view's
 * message and its tree changes through one 200 ms debounce (leading edge): the message, set in the same
 * turn as the tree changed, is drawn about 200 ms after the rows.
 */
export async function filterShows(page: Page, text: string, expected: string): Promise<FilterTimed> {
  const input = await openFilterInput(page);
  await input.fill(text);
  let rowsAt = 0;
  const result = await timed(
    () => input.press('Enter'),
    async () => {
      await rowLabelled(page, expected).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      rowsAt = epochNow();
      await page.getByText(`Showing secrets matching "${text}"`).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    },
  );
  // clear it again: an empty filter shows everything
  await openFilterInput(page);
  await input.fill('');
  await input.press('Enter');
  await page.getByText('Showing secrets matching').waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
  return { ...result, rowsMs: rowsAt - result.started };
}

/** The row's "Show Version History" clicked → the page's table holds all `versions` versions. */
export async function historyShows(page: Page, name: string, versions: number): Promise<Timed> {
  const row = rowLabelled(page, name);
  await row.hover();
  const history = historyPage(page);
  const result = await timed(
    () => rowAction(row, 'Show Version History').click(),
    async () => {
      await history.locator('tr.current').waitFor({ state: 'visible', timeout: TIMEOUT_MS });
      await history
        .locator('tbody th .version-badge', { hasText: /^v1$/ })
        .waitFor({ state: 'attached', timeout: TIMEOUT_MS });
    },
  );
  const shown = await history.locator('tbody th .version-badge').count();
  if (shown !== versions) throw new Error(`the history page shows ${shown} versions, not ${versions}`);
  await page.keyboard.press('Control+W');
  await page
    .locator('.tabs-container .tab', { hasText: `History: ${name}` })
    .waitFor({ state: 'detached', timeout: TIMEOUT_MS });
  return result;
}

/**
 * Opens `file` with quick open and types `Deno.env.get("` in it (plain text: the extension
 * completes there through `fluxbaseSecrets.completionLanguages`; no language server
 * competes), timing the `"` → the suggest widget's first secret row; twice, the second warm.
 */
export async function completion(page: Page, file: string): Promise<[Timed, Timed]> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await input.fill(file);
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: file })
    .first()
    .waitFor({ timeout: TIMEOUT_MS });
  await input.press('Enter');
  const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await lines.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await lines.click();
  const once = async (): Promise<Timed> => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('const key = Deno.env.get(');
    return timed(
      () => page.keyboard.type('"'),
      () =>
        page
          .locator('.suggest-widget .monaco-list-row', { hasText: 'FLUXBASE_SECRET_' })
          .first()
          .waitFor({ state: 'visible', timeout: TIMEOUT_MS }),
    );
  };
  return [await once(), await once()];
}
