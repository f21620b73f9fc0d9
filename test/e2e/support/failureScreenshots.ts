import type { Workbench } from './workbench';

/**
 * Registers an afterEach hook in the calling suite that saves a screenshot
 * named after a failed test, so a red UI run shows what was on screen.
 */
export function saveScreenshotsOnFailure(workbench: () => Workbench | undefined): void {
  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state !== 'failed') {
      return;
    }
    try {
      const file = await workbench()?.screenshot(`failed-${test.fullTitle()}`);
      if (file) {
        console.log(`    screenshot of the failure: ${file}`);
      }
    } catch (error) {
      console.error('warning: could not save a failure screenshot:', error);
    }
  });
}
