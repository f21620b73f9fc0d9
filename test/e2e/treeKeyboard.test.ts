import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import { closeAfterAll } from './support/closeAfterAll';
import { saveScreenshotsOnFailure } from './support/failureScreenshots';
import { historyPage } from './support/historyPage';
import { startLocalServer, type LocalServer } from './support/localServer';
import { fillQuickInput } from './support/quickInput';
import { openWorkbench, type Workbench } from './support/workbench';
import { showViewContainer, treeRow } from './support/workbenchParts';

const timeout = 30_000;
const FIRST = 'KB_ALPHA';
const DOOMED = 'KB_BRAVO';
const LAST = 'KB_CHARLIE';

/** The label of the tree row that has keyboard focus. */
async function focusedRowLabel(page: Page): Promise<string> {
  const row = page.locator('.pane-body .monaco-list:focus-within .monaco-list-row.focused[role="treeitem"]');
  return row.locator('.monaco-icon-name-container').first().innerText();
}

/** Presses ArrowDown until the focused row is `label` (at most 10 times). */
async function arrowDownTo(page: Page, label: string): Promise<void> {
  for (let step = 0; step < 10 && (await focusedRowLabel(page)) !== label; step++) {
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await focusedRowLabel(page), label, `arrowed to ${label}`);
}

describe('Secrets view with the keyboard, as a person uses it', () => {
  let local: LocalServer | undefined;
  let client: FluxbaseClient | undefined;
  let workbench: Workbench | undefined;

  before(async () => {
    local = await startLocalServer('keyboard-ui');
    client = local.client;
    for (const name of [FIRST, DOOMED, LAST]) {
      await client.secrets.create({ name, value: `${name.toLowerCase()}-value` });
    }
    workbench = await openWorkbench({ extensionEnv: local.extensionEnv });
  });

  saveScreenshotsOnFailure(() => workbench);

  closeAfterAll(
    () => workbench,
    () => local,
  );

  it('Delete on the row the arrow keys reached asks about that secret, and deletes it after the confirmation', async () => {
    assert.ok(workbench && client);
    const { page } = workbench;
    // Not a bare click: on a retry the view is showing already, and a click would hide the side bar.
    await showViewContainer(page, 'Fluxbase');
    const first = treeRow(page, FIRST).first();
    await first.waitFor({ state: 'visible', timeout });
    await first.click();
    await arrowDownTo(page, DOOMED);

    await page.keyboard.press('Delete');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout });
    assert.match(await dialog.innerText(), new RegExp(`Delete the secret "${DOOMED}" from global scope`));
    assert.ok(existsSync(await workbench.screenshot('keyboard-delete-confirmation')));
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();

    await treeRow(page, DOOMED).first().waitFor({ state: 'detached', timeout });
    const remaining = (await client.secrets.list()).map((secret) => secret.name).sort();
    assert.deepEqual(remaining, [FIRST, LAST]);
  });

  it('F2 on a row opens its description box, and Enter saves the description', async () => {
    assert.ok(workbench && client);
    const { page } = workbench;
    await treeRow(page, FIRST).first().click();
    await arrowDownTo(page, LAST);

    await page.keyboard.press('F2');
    await fillQuickInput(page, 'Described from the keyboard', { prompt: `Edit Description of ${LAST}` });
    await expectDescription(client, LAST, 'Described from the keyboard');
    assert.ok(existsSync(await workbench.screenshot('keyboard-description-saved')));
  });

  it('Ctrl+Enter on a row opens the version history of that secret', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    await treeRow(page, FIRST).first().click();
    await arrowDownTo(page, LAST);

    await page.keyboard.press('Control+Enter');
    await page.locator('.tabs-container .tab', { hasText: `History: ${LAST}` }).waitFor({ timeout });
    await historyPage(page).locator('tr.current').waitFor({ state: 'visible', timeout });
    assert.equal(await page.locator('.tabs-container .tab', { hasText: `History: ${FIRST}` }).count(), 0);
  });
});

async function expectDescription(client: FluxbaseClient, name: string, description: string): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const secret = (await client.secrets.list()).find((candidate) => candidate.name === name);
    if (secret?.description === description || Date.now() > deadline) {
      assert.equal(secret?.description, description);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
