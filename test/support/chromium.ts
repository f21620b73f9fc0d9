import { chromium, type BrowserContext } from 'playwright-core';

const closeTimeoutMs = 10_000;

/** Flags that let Debian's Chromium run headless as root in a container without talking to Google. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launches headless Chromium (FLUXBASE_CHROMIUM or /usr/bin/chromium) with a persistent profile in `profileDir`. */
export function launchChromium(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.FLUXBASE_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
  });
}

/** Closes the browser, giving up after a timeout; never rejects. */
export async function closeChromium(context: BrowserContext | undefined): Promise<void> {
  if (!context) {
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.error(`warning: Chromium did not close within ${closeTimeoutMs} ms`);
      resolve();
    }, closeTimeoutMs);
  });
  try {
    await Promise.race([context.close(), timeout]);
  } catch (error) {
    console.error('warning: could not close Chromium:', error);
  } finally {
    clearTimeout(timer);
  }
}
