// Draws media/icon.png, the 128x128 Marketplace icon, by rendering an SVG
// (the activity bar's shield with a keyhole) in headless Chromium:
//   node scripts/drawIcon.mjs
// Needs Debian's chromium (or FLUXBASE_CHROMIUM). The PNG is committed; run
// this only to change it.
import { chromium } from 'playwright-core';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const size = 128;

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1d3557"/>
      <stop offset="1" stop-color="#0f1b2d"/>
    </linearGradient>
    <linearGradient id="shield" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#5eead4"/>
      <stop offset="1" stop-color="#22a3c4"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="26" fill="url(#bg)"/>
  <path d="M64 18 30 32v24c0 22 14.5 41.5 34 48 19.5-6.5 34-26 34-48V32L64 18z" fill="url(#shield)"/>
  <circle cx="64" cy="56" r="11" fill="#0f1b2d"/>
  <path d="M58.5 62h11l3.5 22h-18z" fill="#0f1b2d"/>
</svg>`;

const browser = await chromium.launch({
  executablePath: process.env.FLUXBASE_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const file = path.join(root, 'media', 'icon.png');
  await page.locator('svg').screenshot({ path: file, omitBackground: true });
  console.log(`wrote ${file}`);
} finally {
  await browser.close();
}
