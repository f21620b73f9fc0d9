import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Secret } from '../../src/core/api/secretTypes';
import { historyPage } from './support/historyPage';
import { switchTheme } from './support/colorTheme';
import { localWorkbenchSuite } from './support/localWorkbenchSuite';
import { rowAction, showViewContainer, treeRow } from './support/workbenchParts';

const secretName = 'ROLLBACK_UI_KEY';
/** A hostile server's text: each tries to end the page's first-state block (a `<script type="application/json">`) or add markup. */
const hostileName = 'Z_</script><img src=x id=injected>';
const hostileDescription = '</SCRIPT><script>document.body.dataset.pwned = "1"</script><!-- & \u2028';
const timeout = 30_000;

// An expression string, because the tests compile without the DOM library; it runs in the page.
const backgroundColor = 'getComputedStyle(document.body).backgroundColor';

describe('version-history panel, as a person uses it', () => {
  const suite = localWorkbenchSuite('history-ui', async (client): Promise<Secret> => {
    const secret = await client.secrets.create({
      name: secretName,
      value: 'one',
      description: 'Rolled back by the UI test',
    });
    await client.secrets.updateById(secret.id, { value: 'two' });
    await client.secrets.updateById(secret.id, { value: 'three' });
    await client.secrets.create({ name: hostileName, value: 'h', description: hostileDescription });
    return secret;
  });

  it('rolls back to version 1 after a confirmation: version 4 is marked current, and the server agrees', async () => {
    const { workbench, client, seeded: secret } = suite.started();
    const { page } = workbench;
    // Not a bare click: on a retry the view is showing already, and a click would hide the side bar.
    await showViewContainer(page, 'Fluxbase');
    const row = treeRow(page, secretName).first();
    await row.waitFor({ state: 'visible', timeout });
    await row.hover();
    await rowAction(row, 'Show Version History').click();

    const history = historyPage(page);
    const currentRow = history.locator('tr.current');
    await currentRow.waitFor({ state: 'visible', timeout });
    assert.match(await currentRow.innerText(), /v3/);
    assert.deepEqual(await history.locator('tbody th .version-badge').allInnerTexts(), ['v3', 'v2', 'v1']);
    assert.ok(existsSync(await workbench.screenshot('history-light-before-rollback')));

    // By keyboard: the page's buttons are real buttons.
    const rollBackToOne = history.getByRole('button', { name: 'Roll back to version 1' });
    await rollBackToOne.focus();
    await rollBackToOne.press('Enter');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout });
    assert.match(await dialog.innerText(), /Roll back "ROLLBACK_UI_KEY" to version 1\?/);
    await dialog.getByRole('button', { name: 'Roll Back' }).click();

    await history.locator('tr.current', { hasText: 'v4' }).waitFor({ state: 'visible', timeout });
    await history.locator('#status', { hasText: 'The current version is now 4' }).waitFor({ timeout });
    assert.deepEqual(await history.locator('tbody th .version-badge').allInnerTexts(), ['v4', 'v3', 'v2', 'v1']);
    assert.equal(await history.locator('tr.current').count(), 1);

    const onServer = await client.secrets.getById(secret.id);
    assert.equal(onServer.version, 4);
    const versions = await client.secrets.getVersionsById(secret.id);
    assert.deepEqual(
      versions.map((version) => version.version),
      [4, 3, 2, 1],
    );
    await treeRow(page, secretName).filter({ hasText: 'v4' }).first().waitFor({ state: 'visible', timeout });
    assert.ok(existsSync(await workbench.screenshot('history-light-after-rollback')));
  });

  it('follows a dark theme through the VS Code theme variables', async () => {
    const { workbench } = suite.started();
    const history = historyPage(workbench.page);
    await history.locator('body.vscode-light').waitFor({ timeout });
    const lightBackground = await history.locator('body').evaluate(backgroundColor);
    await switchTheme(workbench.page, 'Dark Modern');
    await history.locator('body.vscode-dark').waitFor({ timeout });
    const darkBackground = await history.locator('body').evaluate(backgroundColor);
    assert.equal(lightBackground, 'rgb(255, 255, 255)');
    assert.notEqual(darkBackground, lightBackground);
    assert.ok(existsSync(await workbench.screenshot('history-dark-after-rollback')));
  });

  it('comes back after a window reload and fetches afresh, showing a change made meanwhile', async () => {
    const { workbench, client, seeded: secret } = suite.started();
    await client.secrets.updateById(secret.id, { value: 'five' });
    await workbench.reload();
    const { page } = workbench;
    await page.locator('.tabs-container .tab', { hasText: `History: ${secretName}` }).click({ timeout });
    const history = historyPage(page);
    await history.locator('tr.current', { hasText: 'v5' }).waitFor({ state: 'visible', timeout });
    assert.deepEqual(await history.locator('tbody th .version-badge').allInnerTexts(), ['v5', 'v4', 'v3', 'v2', 'v1']);
  });

  it('draws a hostile name and description as text: nothing ends the first-state block, nothing runs', async () => {
    const { page } = suite.started().workbench;
    await showViewContainer(page, 'Fluxbase');
    const row = treeRow(page, hostileName).first();
    await row.waitFor({ state: 'visible', timeout });
    await row.click();
    await page.keyboard.press('Control+Enter');
    const history = historyPage(page);
    const heading = history.locator('#heading', { hasText: 'Z_' });
    await heading.waitFor({ state: 'visible', timeout });
    assert.equal((await heading.innerText()).trim(), hostileName);
    assert.match(await history.locator('dl.details').innerText(), /<\/SCRIPT><script>document\.body\.dataset\.pwned/);
    const injected = await history
      .locator('body')
      .evaluate(
        `({ images: document.querySelectorAll('img, #injected').length, blocks: document.querySelectorAll('script[type="application/json"]').length, pwned: document.body.dataset.pwned ?? null })`,
      );
    assert.deepEqual(injected, { images: 0, blocks: 0, pwned: null });
  });
});
