import type { Page } from 'playwright-core';
import { fillQuickInput, runCommand } from './quickInput';
import { waitForNotification } from './workbenchParts';

/**
 * Signs in as a person does: "Fluxbase Secrets: Sign In" from the palette,
 * "Email and Password", the email, the password in a password box; then
 * waits for the notification that `connectionName` is signed in. With
 * several connections, `pickConnection` answers the connection question first;
 * `waitForToast: false` leaves the caller to wait for what the sign-in shows.
 */
export async function signInWithPassword(
  page: Page,
  account: { email: string; password: string },
  connectionName: string,
  options: { pickConnection?: boolean; waitForToast?: boolean } = {},
): Promise<void> {
  await runCommand(page, 'Fluxbase Secrets: Sign In');
  if (options.pickConnection) {
    await fillQuickInput(page, connectionName, { prompt: 'Choose a connection' });
  }
  await fillQuickInput(page, 'Email and Password', { prompt: 'How do you want to sign in?' });
  // Not the bare prompt "Email": the method picker before it lists "Email and Password", so the wait would pass on
  // that step and the email would land in the picker's filter. Only the input box adds "(Press 'Enter' …)".
  await fillQuickInput(page, account.email, { prompt: "Email (Press 'Enter'" });
  await fillQuickInput(page, account.password, { prompt: 'Password', password: true });
  if (options.waitForToast !== false) {
    await waitForNotification(page, `Signed in to "${connectionName}"`);
  }
}
