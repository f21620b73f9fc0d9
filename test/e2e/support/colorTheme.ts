import type { Page } from 'playwright-core';
import { runCommand } from './quickInput';

const timeoutMs = 30_000;

/** Picks a color theme the way a person does: the palette's "Preferences: Color Theme", then the theme's name. */
export async function switchTheme(page: Page, theme: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.fill(theme);
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: theme })
    .first()
    .waitFor({ timeout: timeoutMs });
  await input.press('Enter');
}
