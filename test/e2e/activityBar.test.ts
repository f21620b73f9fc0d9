import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { closeAfterAll } from './support/closeAfterAll';
import { saveScreenshotsOnFailure } from './support/failureScreenshots';
import { openWorkbench, type Workbench } from './support/workbench';
import { activityBarItem, viewPane } from './support/workbenchParts';

describe('Fluxbase activity bar entry', () => {
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await openWorkbench();
  });

  closeAfterAll(() => workbench);

  saveScreenshotsOnFailure(() => workbench);

  it('opens the Secrets view, showing its Add Connection welcome', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    const addConnection = viewPane(page, 'Secrets').getByRole('button', { name: 'Add Connection' });
    assert.equal(await addConnection.isVisible(), false, 'the Secrets view is showing before the click');

    await activityBarItem(page, 'Fluxbase').click();

    await addConnection.waitFor({ state: 'visible' });
    assert.ok(existsSync(await workbench.screenshot('activity-bar-secrets-view')));
  });
});
