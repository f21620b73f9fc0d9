import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { syncDemoRegistry } from '../../scripts/demo/demoRegistrySync';
import { DEMO_ADMIN, seedDemoSecrets } from '../../scripts/demo/demoSecrets';
import { writeDemoWorkspace } from '../../scripts/demo/demoWorkspace';
import { closeAfterAll } from './support/closeAfterAll';
import { saveScreenshotsOnFailure } from './support/failureScreenshots';
import { startLocalServer, type LocalServer } from './support/localServer';
import { runCommand } from './support/quickInput';
import { openWorkbench, type Workbench } from './support/workbench';
import { historyPage } from './support/historyPage';
import { showViewContainer, rowAction, rowLabelled, treeRow } from './support/workbenchParts';

const timeout = 60_000;
const NOT_AVAILABLE =
  'FLUXBASE_SECRET_SLACK_BOT_TOKEN is not available to charge-customer in namespace billing: it exists only in notifications';

/** Opens a workspace file through Quick Open, as a person would. */
async function openFile(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(fileName);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().click({ timeout });
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout });
}

describe("the demo's billing function, as a person sees it", () => {
  let workspace: string;
  let local: LocalServer | undefined;
  let workbench: Workbench | undefined;

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'fluxbase-function-aware-ui-'));
    writeDemoWorkspace(workspace);
    // As npm start does: demo secrets, the workspace synced into billing and notifications, a key that lists functions.
    local = await startLocalServer('function-aware-ui', {
      admin: DEMO_ADMIN,
      keyScopes: 'read:secrets,write:secrets,read:functions',
    });
    await seedDemoSecrets(local.client);
    const credentials = local.client.auth.credentials;
    assert.equal(credentials.type, 'session');
    await syncDemoRegistry(local.url, credentials.accessToken, workspace);
    workbench = await openWorkbench({
      workspace,
      extensionEnv: local.extensionEnv,
      settings: { 'workbench.colorTheme': 'Default Light Modern', 'workbench.startupEditor': 'none' },
    });
  });

  saveScreenshotsOnFailure(() => workbench);
  closeAfterAll(
    () => workbench,
    () => local,
  );
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('shows billing in the status bar and "not available to this function" for the notifications-only secret', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    await showViewContainer(page, 'Fluxbase');
    await treeRow(page, 'Environment').first().waitFor({ state: 'visible', timeout });
    await openFile(page, 'charge-customer.ts');

    const status = page.locator('.statusbar-item', { hasText: 'charge-customer · billing' });
    await status.waitFor({ state: 'visible', timeout });

    await runCommand(page, 'View: Focus Problems');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: NOT_AVAILABLE });
    await problem.first().waitFor({ state: 'visible', timeout });
    await runCommand(page, 'Notifications: Clear All Notifications');
    // The size of the README's pictures.
    await page.setViewportSize({ width: 1180, height: 680 });
    await problem.first().click();
    // The full message where a person reads it: the hover on the reference.
    await runCommand(page, 'Show or Focus Hover');
    await page.locator('.monaco-hover', { hasText: NOT_AVAILABLE }).first().waitFor({ state: 'visible', timeout });
    await status.waitFor({ state: 'visible', timeout });
    assert.ok(existsSync(await workbench.screenshot('function-aware')));
  });

  it('the history page of STRIPE_API_KEY says which functions of the workspace read it', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    await page.keyboard.press('Escape');
    const row = rowLabelled(page, 'STRIPE_API_KEY');
    await row.hover({ timeout });
    await rowAction(row, 'Show Version History').click({ timeout });
    const history = historyPage(page);
    await history.locator('ul.readers li', { hasText: 'charge-customer' }).waitFor({ state: 'visible', timeout });
    assert.match(await history.locator('ul.readers').innerText(), /^function charge-customer \(1 reference\)/);
    assert.ok(existsSync(await workbench.screenshot('function-aware-history-readers')));
  });
});
