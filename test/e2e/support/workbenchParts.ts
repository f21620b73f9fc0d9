import type { Locator, Page } from 'playwright-core';

const defaultTimeoutMs = 30_000;

/** The activity-bar entry of a view container, by its title (e.g. "Fluxbase"). */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(
    `.activitybar .action-item a[aria-label="${title}"], .activitybar .action-item a[aria-label^="${title} ("]`,
  );
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
