/**
 * Secret hygiene on screen (issue 9): a person signs in with a canary
 * password and creates a secret with a canary value through the real UI.
 * At every step, while typing too, the page's DOM (every frame, webviews
 * included, and the log output once shown) must not hold them.
 */
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { leaksIn } from '../unit/reliability/support/sacredText';
import { closeAfterAll } from './support/closeAfterAll';
import { saveScreenshotsOnFailure } from './support/failureScreenshots';
import { historyPage } from './support/historyPage';
import { startLocalServer, type LocalServer } from './support/localServer';
import { fillQuickInput, runCommand } from './support/quickInput';
import { openWorkbench, type Workbench } from './support/workbench';
import { showViewContainer, treeRow, waitForNotification } from './support/workbenchParts';

const CANARY = 'canary-ui-8e3f1a7c-value-never-on-screen';
const PASSWORD = 'canary-ui-password-2c9d4b61';
const admin = { email: 'hygiene-ui@example.com', password: PASSWORD };
const SECRET = 'HYGIENE_UI';
const timeout = 30_000;

/** Runs in the page (the tests compile without the DOM library): the text of every box that is not a password box. */
const VISIBLE_BOX_TEXT =
  "Array.from(document.querySelectorAll('input, textarea')).filter((box) => box.type !== 'password')" +
  ".map((box) => box.value).join('\\n')";

/**
 * The serialized DOM of the page and of every frame in it (webviews are
 * nested iframes), plus what text boxes show: a typed value lives in the
 * box's value, not in the markup, and only a password box hides it.
 */
async function pageContent(page: Page): Promise<string> {
  const parts = await Promise.all(
    page.frames().map(async (frame) => {
      const markup = await frame.content().catch(() => '');
      const shown = await frame.evaluate(VISIBLE_BOX_TEXT).catch(() => '');
      return `${markup}\n${String(shown)}`;
    }),
  );
  return parts.join('\n');
}

/** Types into the quick input's box, whatever its type, without pressing Enter. */
async function typeWithoutEnter(page: Page, value: string, prompt: string): Promise<void> {
  await page.locator('.quick-input-widget').filter({ hasText: prompt }).first().waitFor({ state: 'visible', timeout });
  const box = page.locator('.quick-input-widget .quick-input-box input').first();
  await box.waitFor({ state: 'visible', timeout });
  await box.fill(value);
}

describe('Secret hygiene on screen (issue 9): the page never shows a value or a password', () => {
  let local: LocalServer | undefined;
  let workbench: Workbench | undefined;
  /** Name of the moment → the page content then. */
  const snapshots = new Map<string, string>();

  before(async function () {
    this.timeout(180_000);
    local = await startLocalServer('hygiene-ui', { admin });
    workbench = await openWorkbench({
      settings: { 'fluxbaseSecrets.connections': [{ name: 'Hygiene UI', url: local.url }] },
    });
    const { page } = workbench;
    await showViewContainer(page, 'Fluxbase');
    await treeRow(page, 'Hygiene UI').first().waitFor({ state: 'visible', timeout });

    await runCommand(page, 'Fluxbase Secrets: Sign In');
    await fillQuickInput(page, 'Email and Password', { prompt: 'How do you want to sign in?' });
    await fillQuickInput(page, admin.email, { prompt: 'Email' });
    await typeWithoutEnter(page, PASSWORD, 'Password');
    snapshots.set('password typed', await pageContent(page));
    await page.keyboard.press('Enter');
    await waitForNotification(page, 'Signed in to "Hygiene UI"');
    snapshots.set('signed in', await pageContent(page));

    await runCommand(page, 'Fluxbase Secrets: Create Secret…');
    await fillQuickInput(page, 'Global', { prompt: 'Who gets the secret?' });
    await fillQuickInput(page, SECRET, { prompt: 'Name of the secret globally' });
    await typeWithoutEnter(page, CANARY, `Value of ${SECRET}`);
    snapshots.set('value typed', await pageContent(page));
    await page.keyboard.press('Enter');
    await fillQuickInput(page, 'made by the hygiene UI test', { prompt: 'Description' });
    await fillQuickInput(page, '', { prompt: 'Expiry' });
    const row = treeRow(page, SECRET).first();
    // Global had no secret before, so it is drawn collapsed: open it.
    const global = treeRow(page, 'Global').filter({ hasText: '1 secret' }).first();
    await global.waitFor({ state: 'visible', timeout });
    if ((await global.getAttribute('aria-expanded')) !== 'true') await global.locator('.monaco-tl-twistie').click();
    await row.waitFor({ state: 'visible', timeout }).catch(async (error: unknown) => {
      await workbench?.screenshot('hygiene-ui-no-row');
      throw error;
    });
    await row.hover();
    await page.locator('.monaco-hover, .workbench-hover').first().waitFor({ state: 'visible', timeout });
    snapshots.set('secret created, tooltip shown', await pageContent(page));

    await runCommand(page, 'Fluxbase Secrets: Show Version History');
    await fillQuickInput(page, SECRET);
    const history = historyPage(page);
    await history.getByText('v1', { exact: false }).first().waitFor({ state: 'visible', timeout });
    snapshots.set('history page', await pageContent(page));

    await runCommand(page, 'Fluxbase Secrets: Show Logs');
    await page.locator('.part.panel .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout });
    snapshots.set('log output shown', await pageContent(page));
  });

  saveScreenshotsOnFailure(() => workbench);

  closeAfterAll(
    () => workbench,
    () => local,
  );

  it('captured the page at each step: password and value typed, tooltip, history page, log output', () => {
    assert.deepEqual(
      [...snapshots.keys()],
      [
        'password typed',
        'signed in',
        'value typed',
        'secret created, tooltip shown',
        'history page',
        'log output shown',
      ],
    );
    assert.match(snapshots.get('history page') ?? '', /Content-Security-Policy/, 'the webview frames were read');
    assert.match(snapshots.get('log output shown') ?? '', /Fluxbase Secrets/, 'the log output was shown');
  });

  it('no snapshot of the page holds the value or the password, not even while they are typed', () => {
    for (const [moment, content] of snapshots) {
      assert.deepEqual(leaksIn(content, [CANARY, PASSWORD]), [], moment);
    }
  });
});
