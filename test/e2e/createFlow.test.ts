import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { localWorkbenchSuite } from './support/localWorkbenchSuite';
import { fillQuickInput, runCommand } from './support/quickInput';
import { showViewContainer, treeRow } from './support/workbenchParts';

const timeout = 30_000;
const NAME = 'UI_BACK_KEY';
const VALUE = 'typed-in-the-create-flow';

/** The open quick input once its title reads `step` (e.g. "step 2/5"): each step replaces the last. */
async function atStep(page: Page, step: string): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-title', { hasText: `(step ${step})` }).waitFor({ timeout });
}

/** Presses the quick input's Back button (QuickInputButtons.Back, left of the title). */
async function pressBack(page: Page): Promise<void> {
  await page.locator('.quick-input-widget .quick-input-left-action-bar .action-label').first().click({ timeout });
}

describe('the create flow as one multi-step input, as a person uses it', () => {
  const suite = localWorkbenchSuite('create-flow-ui');

  it('goes to step 3, Back twice keeps the typed name, and finishing creates the secret', async () => {
    const { workbench, client } = suite.started();
    const { page } = workbench;
    // The Environment connection signs in by itself; wait until the tree shows it.
    await showViewContainer(page, 'Fluxbase');
    await treeRow(page, 'Environment').first().waitFor({ state: 'visible', timeout });

    await runCommand(page, 'Fluxbase Secrets: Create Secret…');
    await atStep(page, '1/6');
    await fillQuickInput(page, 'Global', { prompt: 'Who gets the secret?' });

    await atStep(page, '2/5');
    const box = page.locator('.quick-input-widget .quick-input-box input');
    await box.fill(NAME.toLowerCase());
    // the variable functions will read, live as it is typed
    await page
      .locator('.quick-input-widget', {
        hasText: `Name of the secret globally: functions read it as FLUXBASE_SECRET_${NAME}`,
      })
      .waitFor({ timeout });
    await page.setViewportSize({ width: 1180, height: 680 });
    assert.ok(existsSync(await workbench.screenshot('create-flow-docs')));
    await page.setViewportSize({ width: 1280, height: 800 });
    await box.fill(NAME);
    await box.press('Enter');

    await atStep(page, '3/5');
    await page.locator('.quick-input-widget input[type="password"]').waitFor({ timeout });
    await pressBack(page);
    await atStep(page, '2/5');
    assert.equal(await box.inputValue(), NAME, 'Back shows the name typed before');
    await pressBack(page);
    await atStep(page, '1/5');
    assert.equal(
      await page.locator('.quick-input-widget .quick-input-left-action-bar .action-label').count(),
      0,
      'the first step offers no Back',
    );
    await fillQuickInput(page, 'Global', { prompt: 'Who gets the secret?' });
    await atStep(page, '2/5');
    assert.equal(await box.inputValue(), NAME, 'the name is still there after going Back twice');
    await box.press('Enter');

    await atStep(page, '3/5');
    await fillQuickInput(page, VALUE, { prompt: `Value of ${NAME}`, password: true });
    await atStep(page, '4/5');
    await fillQuickInput(page, 'made in the create flow', { prompt: 'Description' });
    await atStep(page, '5/5');
    await box.fill('90d');
    await page
      .locator('.quick-input-widget', { hasText: /Expires .+ your time · \d{4}-\d\d-\d\d \d\d:\d\d UTC/ })
      .waitFor({ timeout });
    assert.ok(existsSync(await workbench.screenshot('create-flow-expiry-preview')));
    await box.press('Enter');

    await treeRow(page, NAME).first().waitFor({ state: 'visible', timeout });
    const created = (await client.secrets.list()).find((secret) => secret.name === NAME);
    assert.ok(created, 'the secret exists on the server');
    assert.equal(created.scope, 'global');
    assert.equal(created.description, 'made in the create flow');
    assert.ok(created.expires_at, 'with its expiry');
    assert.equal(await page.locator(`text=${VALUE}`).count(), 0, 'the value is shown nowhere');
  });
});
