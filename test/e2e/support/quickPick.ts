import type { Locator, Page } from 'playwright-core';

const timeoutMs = 30_000;

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** The open quick pick's row whose label is exactly `label` (its description follows in the row's text). */
export function quickPickRow(page: Page, label: string): Locator {
  return page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) })
    .first();
}

/** Ticks the check box of a row of the open multi-select quick pick, as a click on the row does. */
export async function tickQuickPickRow(page: Page, label: string): Promise<void> {
  const row = quickPickRow(page, label);
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await row.click();
  await page
    .locator('.quick-input-widget .monaco-list-row[aria-checked="true"]')
    .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) })
    .first()
    .waitFor({ timeout: timeoutMs });
}
