import type { Locator, Page } from 'playwright-core';

const defaultTimeoutMs = 30_000;

/** The activity-bar entry of a view container, by its title (e.g. "Fluxbase"). */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator('.activitybar .action-item').locator(activityBarLink(title));
}

/**
 * The link of an activity-bar entry, relative to its `.action-item`. VS Code appends the key, as in
 * "Explorer (Ctrl+Shift+E)", or the badge once there is one.
 */
function activityBarLink(title: string): string {
  return `a[aria-label="${title}"], a[aria-label^="${title} "]`;
}

/**
 * Shows a view container in the side bar, as its activity-bar entry does, but
 * only when it is not showing already: a click on the entry of the container
 * that is showing hides the side bar, so a test that clicks it again (a retry,
 * a second test on the same window) would lose the view it wants.
 */
export async function showViewContainer(page: Page, title: string): Promise<void> {
  // The entry as a whole: once the container has a badge, the badge covers the middle of the link.
  const item = page.locator('.activitybar .action-item').filter({ has: page.locator(activityBarLink(title)) });
  await item.waitFor({ state: 'visible', timeout: defaultTimeoutMs });
  const showing = page
    .locator('.activitybar .action-item.checked')
    .filter({ has: page.locator(activityBarLink(title)) });
  if ((await showing.count()) === 0) {
    await item.click({ position: { x: 8, y: 8 } });
  }
  await showing.waitFor({ state: 'visible', timeout: defaultTimeoutMs });
}

/** A view's pane (header and body) in the side bar, by the view's name (e.g. "Secrets"). */
export function viewPane(page: Page, name: string): Locator {
  return page.locator('.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: name }) });
}

/** Tree rows in the side bar whose text contains `text`. */
export function treeRow(page: Page, text: string): Locator {
  return page.locator('.pane-body .monaco-list-row[role="treeitem"]', { hasText: text });
}

/** Waits for a notification toast containing `text` and returns it. */
export async function waitForNotification(page: Page, text: string, timeoutMs = defaultTimeoutMs): Promise<Locator> {
  const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  return toast;
}

/** An inline action of a tree row, by its title; VS Code appends the key, as in "Show Version History (Ctrl+Enter)". */
export function rowAction(row: Locator, title: string): Locator {
  return row.locator(`.action-label[aria-label="${title}"], .action-label[aria-label^="${title} ("]`);
}

/** The first tree row whose label is exactly `label` (its description follows in the row text). */
export function rowLabelled(page: Page, label: string): Locator {
  const exactly = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return treeRow(page, label)
    .filter({ has: page.locator('.monaco-icon-name-container', { hasText: exactly }) })
    .first();
}
