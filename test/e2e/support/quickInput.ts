import type { Locator, Page } from 'playwright-core';

const commandTimeoutMs = 60_000;
const attemptTimeoutMs = 4_000;
const inputTimeoutMs = 30_000;

/** The command palette / quick input's text box. */
function quickInputBox(page: Page, password: boolean): Locator {
  return page.locator(
    password ? '.quick-input-widget input[type="password"]' : '.quick-input-widget .quick-input-box input',
  );
}

/**
 * Runs a command through the palette (F1) by its full title as the palette
 * shows it, e.g. "Fluxbase Secrets: Add Connection". Retries with Escape/F1:
 * right after a (re)load the palette can open before the extension's
 * commands are there.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = quickInputBox(page, false);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  const deadline = Date.now() + commandTimeoutMs;
  let lastError: unknown;
  // The palette computes its list when it opens and does not refresh it, so reopen until the command is there.
  while (Date.now() < deadline) {
    try {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: attemptTimeoutMs });
      await input.fill(`>${title}`);
      await row.waitFor({ state: 'visible', timeout: attemptTimeoutMs });
      await row.click();
      return;
    } catch (error) {
      lastError = error;
    }
  }
  await page.keyboard.press('Escape');
  throw new Error(`command "${title}" did not show in the palette within ${commandTimeoutMs} ms: ${String(lastError)}`);
}

/** Options for {@link fillQuickInput}. */
export interface FillQuickInputOptions {
  /** Use the password box. */
  password?: boolean;
  /**
   * Text the expected prompt shows (title, message or placeholder). Waiting
   * for it keeps a fill from landing in the previous step's box while the
   * widget switches prompts.
   */
  prompt?: string;
}

/** Types `value` into the open quick input and presses Enter. */
export async function fillQuickInput(page: Page, value: string, options: FillQuickInputOptions = {}): Promise<void> {
  if (options.prompt) {
    const widget = page.locator('.quick-input-widget');
    await widget
      .filter({ hasText: options.prompt })
      .or(widget.locator(`input[placeholder*="${options.prompt.replace(/"/g, '\\"')}"]`))
      .first()
      .waitFor({ state: 'visible', timeout: inputTimeoutMs });
  }
  const input = quickInputBox(page, options.password ?? false);
  await input.waitFor({ state: 'visible', timeout: inputTimeoutMs });
  await input.fill(value);
  await input.press('Enter');
}
