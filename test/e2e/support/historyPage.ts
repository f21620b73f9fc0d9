import type { FrameLocator, Page } from 'playwright-core';

/** The content frame of the active webview, the history page (VS Code nests a page in two iframes). */
export function historyPage(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}
