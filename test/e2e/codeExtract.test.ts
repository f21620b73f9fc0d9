import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { FluxbaseClient } from '../../src/core/api/fluxbaseClient';
import { closeAfterAll } from './support/closeAfterAll';
import { saveScreenshotsOnFailure } from './support/failureScreenshots';
import { startLocalServer, type LocalServer } from './support/localServer';
import { fillQuickInput, runCommand } from './support/quickInput';
import { openWorkbench, type Workbench } from './support/workbench';
import { showViewContainer, treeRow } from './support/workbenchParts';

const timeout = 30_000;
const LITERAL_VALUE = 'sk_live_ui_extract_123';
const SOURCE = `const stripeApiKey = "${LITERAL_VALUE}";\nexport default stripeApiKey;\n`;
const REFERENCE = 'Deno.env.get("FLUXBASE_SECRET_STRIPE_API_KEY")';

/** Opens a workspace file through Quick Open, as a person would. */
async function openFile(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout });
  await input.fill(fileName);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().click({ timeout });
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ timeout });
}

/** Polls until `check` holds, or fails with `what`. */
async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await check()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`timed out waiting until ${what}`);
}

describe('moving a hard-coded secret out of the code, as a person does it', () => {
  let workspace: string;
  let local: LocalServer | undefined;
  let client: FluxbaseClient | undefined;
  let workbench: Workbench | undefined;

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'fluxbase-code-ui-workspace-'));
    mkdirSync(path.join(workspace, 'functions', 'pay'), { recursive: true });
    writeFileSync(path.join(workspace, 'functions', 'pay', 'index.ts'), SOURCE);
    local = await startLocalServer('code-ui');
    client = local.client;
    workbench = await openWorkbench({
      workspace,
      extensionEnv: local.extensionEnv,
      settings: { 'workbench.colorTheme': 'Default Light Modern', 'files.autoSave': 'off' },
    });
  });

  saveScreenshotsOnFailure(() => workbench);

  closeAfterAll(
    () => workbench,
    () => local,
  );
  after(() => rmSync(workspace, { recursive: true, force: true }));

  it('creates the secret from the literal and puts its reference in the file', async () => {
    assert.ok(workbench && client);
    const { page } = workbench;
    // The Environment connection signs in by itself; wait until the tree shows it.
    await showViewContainer(page, 'Fluxbase');
    await treeRow(page, 'Environment').first().waitFor({ state: 'visible', timeout });

    await openFile(page, 'index.ts');
    await page.locator('.monaco-editor .view-lines span', { hasText: LITERAL_VALUE }).first().click({ timeout });
    await runCommand(page, 'Fluxbase Secrets: Move to Fluxbase Secret…');

    // The explorer's create flow, prefilled: the value is not asked, the name is suggested from the variable.
    await fillQuickInput(page, 'Global', { prompt: 'Who gets the secret?' });
    const nameBox = page.locator('.quick-input-widget .quick-input-box input');
    await page.locator('.quick-input-widget', { hasText: 'Name of the secret' }).waitFor({ state: 'visible', timeout });
    assert.equal(await nameBox.inputValue(), 'STRIPE_API_KEY');
    assert.ok(existsSync(await workbench.screenshot('code-extract-name-suggested')));
    await nameBox.press('Enter');
    await fillQuickInput(page, 'Moved out of index.ts by the UI test', { prompt: 'Description (optional)' });
    await fillQuickInput(page, '', { prompt: 'Expiry (optional)' });

    await page
      .locator('.monaco-editor .view-lines', { hasText: 'FLUXBASE_SECRET_STRIPE_API_KEY' })
      .waitFor({ timeout });
    assert.equal(await page.locator('.monaco-editor .view-lines', { hasText: LITERAL_VALUE }).count(), 0);
    assert.ok(existsSync(await workbench.screenshot('code-extract-reference-in-editor')));

    await page.keyboard.press('Control+S');
    const file = path.join(workspace, 'functions', 'pay', 'index.ts');
    await eventually(() => readFileSync(file, 'utf8').includes(REFERENCE), 'the saved file holds the reference');
    assert.equal(readFileSync(file, 'utf8'), `const stripeApiKey = ${REFERENCE};\nexport default stripeApiKey;\n`);

    const onServer = (await client.secrets.list()).filter((secret) => secret.name === 'STRIPE_API_KEY');
    assert.equal(onServer.length, 1);
    assert.equal(onServer[0]?.scope, 'global');
    assert.equal(onServer[0]?.description, 'Moved out of index.ts by the UI test');
    // The tree shows it too, under Global (expanded if it is not).
    const collapsedGlobal = treeRow(page, 'Global').and(page.locator('[aria-expanded="false"]'));
    if ((await collapsedGlobal.count()) > 0) {
      await collapsedGlobal.first().click();
    }
    await treeRow(page, 'STRIPE_API_KEY').first().waitFor({ state: 'visible', timeout });
    assert.ok(existsSync(await workbench.screenshot('code-extract-secret-in-tree')));
  });
});
