/**
 * The Extensions view's details page of the installed VSIX (issue 18): the
 * README renders there with every picture it references loaded, with no
 * repository URL to point the pictures at.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { repoRoot } from '../support/repoRoot';
import { closeAfterAll } from './support/closeAfterAll';
import { saveScreenshotsOnFailure } from './support/failureScreenshots';
import { openWorkbench, type Workbench } from './support/workbench';
import { activityBarItem } from './support/workbenchParts';

const DISPLAY_NAME = 'Fluxbase Secrets';
const timeout = 30_000;
const pollMs = 250;

/** One picture of the rendered README as the details page's webview sees it. */
interface Picture {
  src: string;
  alt: string;
  complete: boolean;
  naturalWidth: number;
}

/** The alt texts of the README's pictures, the way the page shows them. */
function readmePictureAlts(): string[] {
  const readme = readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
  return [...readme.matchAll(/!\[([^\]]*)\]\([^)\s]+\)/g)].map((match) => match[1] ?? '');
}

/** Evaluated in a frame: its pictures if its body shows the README's first heading, else undefined. */
const readmePicturesScript = `document.body && document.body.innerText.includes('Fluxbase Secrets for VS Code')
  ? Array.from(document.images).map((image) => ({
      src: image.getAttribute('src') || '',
      alt: image.alt,
      complete: image.complete,
      naturalWidth: image.naturalWidth,
    }))
  : undefined`;

/** The pictures of the frame that renders the README (the one whose body has the README's first heading), if any. */
async function readmeFramePictures(page: Page): Promise<Picture[] | undefined> {
  const frames: Frame[] = page.frames();
  for (const frame of frames) {
    const pictures = (await frame.evaluate(readmePicturesScript).catch(() => undefined)) as Picture[] | undefined;
    if (pictures) {
      return pictures;
    }
  }
  return undefined;
}

/** Waits until the README frame shows `expected` pictures and all of them finished loading (or failing). */
async function settledReadmePictures(page: Page, expected: number): Promise<Picture[]> {
  const deadline = Date.now() + timeout;
  let last: Picture[] | undefined;
  for (;;) {
    last = await readmeFramePictures(page);
    const settled = last?.filter((picture) => picture.alt !== '' && picture.complete) ?? [];
    if (settled.length >= expected) {
      return last ?? [];
    }
    if (Date.now() > deadline) {
      throw new Error(`the details page did not show ${expected} settled pictures: ${JSON.stringify(last)}`);
    }
    await page.waitForTimeout(pollMs);
  }
}

describe('the installed extension’s details page (issue 18)', () => {
  let workbench: Workbench | undefined;

  before(async () => {
    workbench = await openWorkbench();
  });

  closeAfterAll(() => workbench);

  saveScreenshotsOnFailure(() => workbench);

  it('shows the README with every picture it references loaded', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    const alts = readmePictureAlts();
    assert.ok(alts.length >= 5, 'the README has pictures');

    // The activity-bar entry toggles the side bar: click it only when the Extensions view is not open yet (a retry).
    if (!(await page.locator('.extensions-viewlet').isVisible())) {
      await activityBarItem(page, 'Extensions').click({ timeout });
    }
    const row = page.locator('.extensions-viewlet .monaco-list-row', { hasText: DISPLAY_NAME }).first();
    await row.click({ timeout });
    await page.locator('.extension-editor').waitFor({ state: 'visible', timeout });

    const pictures = (await settledReadmePictures(page, alts.length)).filter((picture) => alts.includes(picture.alt));
    assert.deepEqual(
      pictures.map((picture) => picture.alt),
      alts,
      'every README picture is on the page, in order',
    );
    const broken = pictures
      .filter((picture) => picture.naturalWidth === 0)
      .map((picture) => `${picture.alt} (${picture.src.slice(0, 60)})`);
    assert.deepEqual(broken, [], 'pictures that did not load');
    assert.ok(existsSync(await workbench.screenshot('details-page')));
  });
});
