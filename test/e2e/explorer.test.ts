import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { FluxbaseApiError } from '../../src/core/api/fluxbaseApiError';
import type { FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import { closeAfterAll } from './support/closeAfterAll';
import { saveScreenshotsOnFailure } from './support/failureScreenshots';
import { startLocalServer, type LocalServer } from './support/localServer';
import { signInWithPassword } from './support/signIn';
import { fillQuickInput, runCommand } from './support/quickInput';
import { openWorkbench, type Workbench } from './support/workbench';
import { showViewContainer, rowLabelled, treeRow } from './support/workbenchParts';

const admin = { email: 'explorer-ui@example.com', password: 'explorer-ui-password-1' };
const NEW_SECRET = 'UI_CREATED_KEY';
const timeout = 30_000;

/**
 * Right-clicks `row` and clicks the menu item `label` until `outcome` shows:
 * a click that lands while the menu is still opening is sometimes ignored.
 */
async function chooseFromContextMenu(page: Page, row: Locator, label: string, outcome: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await row.click({ button: 'right' });
    const item = page.locator('.context-view .action-item', { hasText: label }).first();
    await item.waitFor({ state: 'visible', timeout });
    await item.hover();
    await item.click();
    try {
      await outcome.waitFor({ state: 'visible', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) {
        throw error;
      }
      await page.keyboard.press('Escape');
    }
  }
}

describe('secrets explorer, as a person uses it', () => {
  let local: LocalServer | undefined;
  let client: FluxbaseClient | undefined;
  let workbench: Workbench | undefined;

  before(async () => {
    local = await startLocalServer('explorer-ui', { admin });
    client = local.client;
    await client.secrets.create({ name: 'UI_GLOBAL', value: 'global-value' });
    await client.secrets.create({ name: 'UI_NS_KEY', value: 'ns-value', scope: 'namespace', namespace: 'ui-jobs' });
    workbench = await openWorkbench({
      settings: { 'fluxbaseSecrets.connections': [{ name: 'Local UI', url: local.url }] },
    });
  });

  saveScreenshotsOnFailure(() => workbench);
  closeAfterAll(
    () => workbench,
    () => local,
  );

  it('signs in through the input boxes and shows Global and a namespace', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    await showViewContainer(page, 'Fluxbase');
    await rowLabelled(page, 'Local UI').waitFor({ state: 'visible', timeout });
    await treeRow(page, 'signed out').first().waitFor({ state: 'visible', timeout });
    assert.ok(existsSync(await workbench.screenshot('explorer-signed-out')));

    await signInWithPassword(page, admin, 'Local UI');
    await rowLabelled(page, 'Global').waitFor({ state: 'visible', timeout });
    await rowLabelled(page, 'Namespaces').waitFor({ state: 'visible', timeout });
    await rowLabelled(page, 'ui-jobs').waitFor({ state: 'visible', timeout });
    await rowLabelled(page, 'UI_GLOBAL').waitFor({ state: 'visible', timeout });
    await rowLabelled(page, 'UI_NS_KEY').waitFor({ state: 'visible', timeout });
    assert.match(await rowLabelled(page, 'Local UI').innerText(), /2 secrets/);
    assert.ok(existsSync(await workbench.screenshot('explorer-signed-in')));
  });

  it('creates a secret from the palette and shows it in the tree', async () => {
    assert.ok(workbench && client);
    const { page } = workbench;
    await runCommand(page, 'Fluxbase Secrets: Create Secret…');
    await fillQuickInput(page, 'Global', { prompt: 'Who gets the secret?' });
    await fillQuickInput(page, NEW_SECRET, { prompt: 'Name of the secret globally' });
    await fillQuickInput(page, 'typed-in-the-ui', { prompt: `Value of ${NEW_SECRET}`, password: true });
    await fillQuickInput(page, 'Created by the UI test', { prompt: 'Description' });
    await fillQuickInput(page, '30d', { prompt: 'Expiry' });

    const row = rowLabelled(page, NEW_SECRET);
    await row.waitFor({ state: 'visible', timeout });
    assert.match(await row.innerText(), /v1 · expires in (29|30) days/);
    const onServer = (await client.secrets.list()).find((secret) => secret.name === NEW_SECRET);
    assert.equal(onServer?.description, 'Created by the UI test');
    assert.equal(onServer?.scope, 'global');
    assert.ok(existsSync(await workbench.screenshot('explorer-secret-created')));
  });

  it('deletes the secret through its context menu and the modal confirmation', async () => {
    assert.ok(workbench && client);
    const { page } = workbench;
    const row = rowLabelled(page, NEW_SECRET);
    const dialog = page.locator('.monaco-dialog-box');
    await chooseFromContextMenu(page, row, 'Delete Secret…', dialog);
    const text = await dialog.innerText();
    assert.match(text, new RegExp(`Delete the secret "${NEW_SECRET}" from global scope`));
    assert.match(text, new RegExp(`FLUXBASE_SECRET_${NEW_SECRET} will fail`));
    assert.ok(existsSync(await workbench.screenshot('explorer-delete-confirmation')));
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();

    await row.waitFor({ state: 'detached', timeout });
    const remaining = (await client.secrets.list()).map((secret) => secret.name).sort();
    assert.deepEqual(remaining, ['UI_GLOBAL', 'UI_NS_KEY']);
    await assert.rejects(client.secrets.get(NEW_SECRET), (error: unknown) => FluxbaseApiError.is(error, 'notFound'));
    assert.ok(existsSync(await workbench.screenshot('explorer-secret-deleted')));
  });

  it('Refresh after a change on the server redraws the changed namespace: its row shows the new version', async () => {
    assert.ok(workbench && client);
    const { page } = workbench;
    await client.secrets.update('UI_NS_KEY', { value: 'ns-value-2' }, { namespace: 'ui-jobs' });
    await runCommand(page, 'Fluxbase Secrets: Refresh');
    // only the namespace's group is redrawn (the connection's count did not change): its row follows
    await rowLabelled(page, 'UI_NS_KEY')
      .locator('.label-description', { hasText: /^v2$/ })
      .waitFor({ state: 'visible', timeout });
    assert.match(await rowLabelled(page, 'Local UI').innerText(), /2 secrets/);
    assert.match(await rowLabelled(page, 'UI_GLOBAL').innerText(), /v1/);
  });
});
