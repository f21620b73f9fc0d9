import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../support/repoRoot';

/** Where UI tests save screenshots (git-ignored). */
export function screenshotsDir(): string {
  return path.join(repoRoot(), 'test-results', 'screenshots');
}

/** Saves a screenshot of the whole page as test-results/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(screenshotsDir(), `${name.replace(/[^\w.-]+/g, '-')}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}
