import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { FrameLocator, Locator } from 'playwright-core';
import type { FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import { closeAfterAll } from './support/closeAfterAll';
import { switchTheme } from './support/colorTheme';
import { saveScreenshotsOnFailure } from './support/failureScreenshots';
import { historyPage } from './support/historyPage';
import { startLocalServer, type LocalServer } from './support/localServer';
import { fillQuickInput, runCommand } from './support/quickInput';
import { tickQuickPickRow } from './support/quickPick';
import { signInWithPassword } from './support/signIn';
import { openWorkbench, type Workbench } from './support/workbench';
import { rowLabelled, showViewContainer } from './support/workbenchParts';

const admin = { email: 'compare-ui@example.com', password: 'compare-ui-password-1' };
const connectionName = 'Local Compare';
const missingName = 'STRIPE_KEY';
const timeout = 30_000;

/** The grid cell of `variable` in data column `column` (0 for the first scope). */
function gridCell(compare: FrameLocator, variable: string, column: number): Locator {
  return compare.locator(`tr[data-variable="${variable}"] td[data-column="${column}"]`);
}

describe('Compare Secrets page, as a person uses it', () => {
  let local: LocalServer | undefined;
  let client: FluxbaseClient | undefined;
  let workbench: Workbench | undefined;

  before(async () => {
    local = await startLocalServer('compare-ui', { admin });
    client = local.client;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await client.secrets.create({ name: 'DATABASE_URL', value: 'global-db' });
    await client.secrets.create({ name: missingName, value: 'global-stripe' });
    await client.secrets.create({ name: 'OLD_WEBHOOK_SECRET', value: 'old', expires_at: yesterday });
    await client.secrets.create({
      name: 'DATABASE_URL',
      value: 'billing-db',
      scope: 'namespace',
      namespace: 'billing',
    });
    await client.secrets.create({ name: 'OLD_WEBHOOK_SECRET', value: 'old', scope: 'namespace', namespace: 'billing' });
    workbench = await openWorkbench({
      settings: { 'fluxbaseSecrets.connections': [{ name: connectionName, url: local.url }] },
    });
  });

  saveScreenshotsOnFailure(() => workbench);
  closeAfterAll(
    () => workbench,
    () => local,
  );

  it('shows Global and a namespace side by side, the missing secret marked in words, in light and high contrast', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    await showViewContainer(page, 'Fluxbase');
    await signInWithPassword(page, admin, connectionName);
    await rowLabelled(page, 'billing').waitFor({ state: 'visible', timeout });
    await runCommand(page, 'Notifications: Clear All Notifications');

    await runCommand(page, 'Fluxbase Secrets: Compare Secrets…');
    await tickQuickPickRow(page, `${connectionName} · Global`);
    await tickQuickPickRow(page, `${connectionName} · billing`);
    await tickQuickPickRow(page, `${connectionName} · functions in billing`);
    await page.keyboard.press('Enter');

    const compare = historyPage(page);
    const missing = gridCell(compare, `FLUXBASE_SECRET_${missingName}`, 1);
    await missing.waitFor({ state: 'visible', timeout });
    assert.deepEqual(await compare.locator('thead th').allInnerTexts(), [
      'Variable',
      `${connectionName} · Global`,
      `${connectionName} · billing`,
      `${connectionName} · functions in billing`,
    ]);
    // Missing and expired say so in words, not only in colour.
    assert.match(await missing.innerText(), /Missing/);
    assert.match(await gridCell(compare, `FLUXBASE_SECRET_${missingName}`, 0).innerText(), /v1/);
    assert.match(await gridCell(compare, 'FLUXBASE_SECRET_OLD_WEBHOOK_SECRET', 0).innerText(), /Expired/);
    assert.equal(await compare.locator('tbody tr').count(), 3);
    // What a function in billing sees: billing's DATABASE_URL over the global one, and the global STRIPE_KEY.
    assert.match(await gridCell(compare, 'FLUXBASE_SECRET_DATABASE_URL', 2).innerText(), /Override/);
    assert.match(await gridCell(compare, `FLUXBASE_SECRET_${missingName}`, 2).innerText(), /v1/);

    // The grid by keyboard: a click puts focus on a cell, the arrows move it, with a visible ring.
    await gridCell(compare, 'FLUXBASE_SECRET_DATABASE_URL', 0).click({ position: { x: 4, y: 4 } });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const focused = (await compare.locator('body').evaluate(`(() => {
      const cell = document.activeElement;
      const style = getComputedStyle(cell);
      return { variable: cell.closest('tr')?.dataset.variable, column: cell.dataset.column,
        visible: cell.matches(':focus-visible'), outline: style.outlineStyle };
    })()`)) as { variable: string; column: string; visible: boolean; outline: string };
    assert.deepEqual(focused, {
      variable: `FLUXBASE_SECRET_${missingName}`,
      column: '1',
      visible: true,
      outline: 'solid',
    });
    assert.ok(existsSync(await workbench.screenshot('compare-light-focus')));

    // The pictures of the README: the table at the width of the other pictures, without the side bar.
    await runCommand(page, 'View: Close Primary Side Bar');
    await switchTheme(page, 'Dark High Contrast');
    await compare.locator('body.vscode-high-contrast').waitFor({ timeout });
    await page.setViewportSize({ width: 1180, height: 680 });
    assert.ok(existsSync(await workbench.screenshot('compare-high-contrast-docs')));
    await switchTheme(page, 'Dark Modern');
    await compare.locator('body.vscode-dark:not(.vscode-high-contrast)').waitFor({ timeout });
    assert.ok(existsSync(await workbench.screenshot('compare-dark-docs')));
    await switchTheme(page, 'Light Modern');
    await compare.locator('body.vscode-light').waitFor({ timeout });
    assert.ok(existsSync(await workbench.screenshot('compare-light-docs')));
    await page.setViewportSize({ width: 1280, height: 800 });
    await showViewContainer(page, 'Fluxbase');
  });

  it('creates the missing secret from its cell, the value typed in a password box, and the cell turns present', async () => {
    assert.ok(workbench && client);
    const { page } = workbench;
    const compare = historyPage(page);
    const missing = gridCell(compare, `FLUXBASE_SECRET_${missingName}`, 1);
    await missing.getByRole('button', { name: 'Create here…' }).click();

    // Place and name come from the cell (the title says so). The name would override the global secret of
    // that name, so its step is shown, filled in, to show that warning; then the value, in a password box.
    const title = page.locator('.quick-input-widget .quick-input-title');
    await title.filter({ hasText: 'from the compare page' }).waitFor({ state: 'visible', timeout });
    assert.match(await title.innerText(), /Create Secret \(step 1\/4\)/);
    const nameBox = page.locator('.quick-input-widget .quick-input-box input');
    assert.equal(await nameBox.inputValue(), missingName);
    await nameBox.press('Enter');
    await fillQuickInput(page, 'typed-in-the-compare-page', { prompt: `Value of ${missingName}`, password: true });
    await fillQuickInput(page, '', { prompt: 'Description' });
    await fillQuickInput(page, '', { prompt: 'Expiry' });

    await missing.filter({ hasText: /v1/ }).waitFor({ state: 'visible', timeout });
    assert.doesNotMatch(await missing.innerText(), /Missing/);
    const onServer = (await client.secrets.list()).filter((secret) => secret.name === missingName);
    assert.deepEqual(onServer.map((secret) => [secret.scope, secret.namespace ?? null]).sort(), [
      ['global', null],
      ['namespace', 'billing'],
    ]);
    assert.ok(existsSync(await workbench.screenshot('compare-created')));
  });

  it('comes back after a window reload with the same columns and filter, and the data fetched afresh', async () => {
    assert.ok(workbench && client);
    const compare = historyPage(workbench.page);
    await compare.locator('button[data-filter="differences"]').click();
    await compare.locator('button[data-filter="differences"][aria-pressed="true"]').waitFor({ timeout });
    // Meanwhile, on the server: the billing namespace gets the expired secret's replacement removed.
    const billingOld = (await client.secrets.list()).find(
      (secret) => secret.name === 'OLD_WEBHOOK_SECRET' && secret.namespace === 'billing',
    );
    assert.ok(billingOld);
    await client.secrets.deleteById(billingOld.id);
    await workbench.reload();
    const { page } = workbench;
    await page.locator('.tabs-container .tab', { hasText: 'Compare Secrets' }).click({ timeout });
    const restored = historyPage(page);
    await restored
      .locator('thead th', { hasText: `${connectionName} · functions in billing` })
      .filter({ hasNotText: '(' })
      .waitFor({ state: 'visible', timeout });
    await restored.locator('button[data-filter="differences"][aria-pressed="true"]').waitFor({ timeout });
    await gridCell(restored, 'FLUXBASE_SECRET_OLD_WEBHOOK_SECRET', 1)
      .filter({ hasText: 'Missing' })
      .waitFor({ state: 'visible', timeout });
  });
});
