import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { startServer } from '../../server/startServer';
import { createClient } from '../../src/core/api/fluxbaseClient';
import { closeAfterAll } from './support/closeAfterAll';
import { saveScreenshotsOnFailure } from './support/failureScreenshots';
import { historyPage } from './support/historyPage';
import { startLocalServer, type LocalServer } from './support/localServer';
import { switchTheme } from './support/colorTheme';
import { runCommand } from './support/quickInput';
import { signInWithPassword } from './support/signIn';
import { openWorkbench, type Workbench } from './support/workbench';
import { showViewContainer, treeRow } from './support/workbenchParts';

const secretName = 'THEMES_UI_KEY';
const colleague = { email: 'colleague@example.com', password: 'colleague-password-1' };
const me = { email: 'me@example.com', password: 'me-password-1' };
const timeout = 30_000;

// The checks below run in the page, as expression strings: the tests compile without the DOM library.

/** Resolves a CSS colour (e.g. a `--vscode-*` variable's value) to the `rgb(...)` form computed styles use. */
const toRgb = `(color) => { const probe = document.createElement('i'); probe.style.color = color;
  document.body.append(probe); const rgb = getComputedStyle(probe).color; probe.remove(); return rgb; }`;

/** The theme kind, the contrast variables, and the drawn borders/outlines of a Roll Back button and of the rows. */
const contrastReport = `(() => {
  const toRgb = ${toRgb};
  const variable = (name) => getComputedStyle(document.body).getPropertyValue(name).trim();
  const button = document.querySelector('button[data-action="rollback"]');
  const rowCell = document.querySelector('.versions tbody tr:not(.current) td');
  const current = document.querySelector('.versions tbody tr.current');
  const buttonStyle = getComputedStyle(button);
  const cellStyle = getComputedStyle(rowCell);
  const currentStyle = getComputedStyle(current);
  return {
    bodyClasses: [...document.body.classList],
    contrastBorder: variable('--vscode-contrastBorder') && toRgb(variable('--vscode-contrastBorder')),
    contrastActiveBorder: variable('--vscode-contrastActiveBorder') && toRgb(variable('--vscode-contrastActiveBorder')),
    button: { style: buttonStyle.borderTopStyle, width: buttonStyle.borderTopWidth, color: buttonStyle.borderTopColor },
    row: { style: cellStyle.borderBottomStyle, width: cellStyle.borderBottomWidth, color: cellStyle.borderBottomColor },
    currentRow: { style: currentStyle.outlineStyle, width: currentStyle.outlineWidth, color: currentStyle.outlineColor },
  };
})()`;

interface ContrastReport {
  bodyClasses: string[];
  contrastBorder: string;
  contrastActiveBorder: string;
  button: { style: string; width: string; color: string };
  row: { style: string; width: string; color: string };
  currentRow: { style: string; width: string; color: string };
}

/** What has keyboard focus in the page, and the focus ring it draws. */
const focusReport = `(() => {
  const toRgb = ${toRgb};
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const focusBorder = getComputedStyle(document.body).getPropertyValue('--vscode-focusBorder').trim();
  const contrastActiveBorder = getComputedStyle(document.body).getPropertyValue('--vscode-contrastActiveBorder').trim();
  return {
    label: element.getAttribute('aria-label') || element.tagName,
    focusVisible: element.matches(':focus-visible'),
    outline: { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor },
    expectedColors: [focusBorder, contrastActiveBorder].filter((color) => color !== '').map(toRgb),
  };
})()`;

interface FocusReport {
  label: string;
  focusVisible: boolean;
  outline: { style: string; width: string; color: string };
  expectedColors: string[];
}

const allButtons = `[...document.querySelectorAll('button')].map((button) => button.getAttribute('aria-label'))`;

/**
 * Clicks the page's heading (so the page has focus, without a focus ring),
 * then presses Tab until focus leaves the buttons or comes round again,
 * recording each stop and its focus ring.
 */
async function tabThroughPage(page: Page, history: FrameLocator): Promise<FocusReport[]> {
  await history.locator('#heading').click();
  const stops: FocusReport[] = [];
  for (let press = 0; press < 30; press++) {
    await page.keyboard.press('Tab');
    const stop = (await history.locator('body').evaluate(focusReport)) as FocusReport;
    if (stop.label === 'BODY' || stops.some((seen) => seen.label === stop.label)) {
      break;
    }
    stops.push(stop);
  }
  return stops;
}

/** Every button of the page is a Tab stop, and each shows a solid, visible outline in the theme's focus colour. */
async function assertKeyboardReachable(page: Page, history: FrameLocator, theme: string): Promise<void> {
  const buttons = (await history.locator('body').evaluate(allButtons)) as string[];
  const stops = await tabThroughPage(page, history);
  assert.deepEqual(
    stops.map((stop) => stop.label),
    buttons,
    `${theme}: Tab visits every button, in page order`,
  );
  for (const stop of stops) {
    assert.equal(stop.focusVisible, true, `${theme}: ${stop.label} matches :focus-visible`);
    assert.equal(stop.outline.style, 'solid', `${theme}: ${stop.label} draws a focus outline`);
    assert.ok(parseFloat(stop.outline.width) >= 1, `${theme}: ${stop.label}'s outline is at least 1px wide`);
    assert.ok(
      stop.expectedColors.includes(stop.outline.color),
      `${theme}: ${stop.label}'s outline ${stop.outline.color} is the theme's focus colour (${stop.expectedColors.join(', ')})`,
    );
  }
}

/** Tabs to the Roll Back button of version 1, leaving it focused with its focus ring. */
async function focusRollBackByKeyboard(page: Page, history: FrameLocator): Promise<FocusReport> {
  await history.locator('#heading').click();
  for (let press = 0; press < 30; press++) {
    await page.keyboard.press('Tab');
    const stop = (await history.locator('body').evaluate(focusReport)) as FocusReport;
    if (stop.label === 'Roll back to version 1') {
      return stop;
    }
  }
  assert.fail('Tab never reached "Roll back to version 1"');
}

describe('version-history page in high-contrast themes, and by keyboard', () => {
  let dataDir = '';
  let local: LocalServer | undefined;
  let workbench: Workbench | undefined;
  let colleagueId = '';

  before(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fluxbase-history-themes-'));
    // The local server sets up one admin per start: a colleague writes versions 1 and 2 ...
    const first = await startServer({ dataDir, port: 0, admin: colleague, log: () => undefined });
    let secretId: string;
    try {
      const asColleague = createClient({ url: first.url });
      const login = await asColleague.auth.login(colleague);
      assert.ok(!login.requires2fa);
      colleagueId = login.session.user?.id ?? '';
      const secret = await asColleague.secrets.create({ name: secretName, value: 'one', description: 'Themes test' });
      secretId = secret.id;
      await asColleague.secrets.updateById(secret.id, { value: 'two' });
      await asColleague.close();
    } finally {
      await first.close();
    }
    // ... then, on the same data, I write version 3, a service key version 4, and I version 5.
    local = await startLocalServer('history-themes', { dataDir, admin: me });
    const { client } = local;
    await client.secrets.updateById(secretId, { value: 'three' });
    const asKey = createClient({ url: local.url, credentials: { type: 'serviceKey', key: local.serviceKey } });
    await asKey.secrets.updateById(secretId, { value: 'four' });
    await asKey.close();
    await client.secrets.updateById(secretId, { value: 'five' });

    workbench = await openWorkbench({
      settings: {
        'fluxbaseSecrets.connections': [{ name: 'Local Themes', url: local.url }],
        'workbench.colorTheme': 'Default High Contrast',
      },
    });
  });

  saveScreenshotsOnFailure(() => workbench);

  closeAfterAll(
    () => workbench,
    () => local,
  );
  // The colleague's part runs before the local server owns the folder: remove it even when that part failed.
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('shows who made each version: "You" with the email, a colleague by short id, and an explained dash', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    // Not a bare click: on a retry of this test the view is showing already, and a click would hide the side bar.
    await showViewContainer(page, 'Fluxbase');
    await signInWithPassword(page, me, 'Local Themes');

    const row = treeRow(page, secretName).first();
    await row.waitFor({ state: 'visible', timeout });
    // By keyboard (the row selected, Ctrl+Enter): right after the first sign-in, a click on the row's inline
    // action sometimes reaches the command without its row (it then asks which secret), a race of the
    // workbench's tree this suite is not about (RELIABILITY.md, "Known open").
    await row.click();
    await page.keyboard.press('Control+Enter');
    const history = historyPage(page);
    await history.locator('tr.current', { hasText: 'v5' }).waitFor({ state: 'visible', timeout });

    const labels = await history.locator('.author-label').allInnerTexts();
    assert.deepEqual(labels, ['You', '—', 'You', colleagueId.slice(0, 8), colleagueId.slice(0, 8)]);
    assert.match(colleagueId, /^[0-9a-f]{8}-/);
    const titles = (await history
      .locator('body')
      .evaluate("[...document.querySelectorAll('.author-label')].map((span) => span.title)")) as string[];
    assert.match(titles[0] ?? '', /You \(me@example\.com\)/);
    assert.match(titles[1] ?? '', /service key/);
    assert.equal(titles[3], `User id ${colleagueId}`);
  });

  it('draws rows and buttons with the contrast borders under "Default High Contrast", and a focus ring', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    // The sign-in toast would cover the rows in the pictures.
    await runCommand(page, 'Notifications: Clear All Notifications');
    const history = historyPage(page);
    await history.locator('body.vscode-high-contrast').waitFor({ timeout });
    const report = (await history.locator('body').evaluate(contrastReport)) as ContrastReport;
    assertContrastBorders(report, 'vscode-high-contrast');
    const focused = await focusRollBackByKeyboard(page, history);
    assert.equal(focused.focusVisible, true);
    assert.equal(focused.outline.style, 'solid');
    assert.equal(focused.outline.color, report.contrastActiveBorder, 'the focus ring is the contrast active border');
    assert.ok(existsSync(await workbench.screenshot('history-high-contrast-dark')));
    // The picture of the README: the same window at the size of the other pictures in docs/images.
    await page.setViewportSize({ width: 1180, height: 680 });
    assert.ok(existsSync(await workbench.screenshot('history-high-contrast-docs')));
    await page.setViewportSize({ width: 1280, height: 800 });
    await assertKeyboardReachable(page, history, 'Default High Contrast');
  });

  it('does the same under "Default High Contrast Light"', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    // The picker lists the theme "Default High Contrast Light" by its label.
    await switchTheme(page, 'Light High Contrast');
    const history = historyPage(page);
    await history.locator('body.vscode-high-contrast-light').waitFor({ timeout });
    const report = (await history.locator('body').evaluate(contrastReport)) as ContrastReport;
    assertContrastBorders(report, 'vscode-high-contrast-light');
    const focused = await focusRollBackByKeyboard(page, history);
    assert.equal(focused.focusVisible, true);
    assert.equal(focused.outline.style, 'solid');
    assert.equal(focused.outline.color, report.contrastActiveBorder);
    assert.ok(existsSync(await workbench.screenshot('history-high-contrast-light')));
    await assertKeyboardReachable(page, history, 'Default High Contrast Light');
  });

  it('reaches every action by Tab with a visible focus ring in the light and dark themes too', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    const history = historyPage(page);
    for (const [theme, kind] of [
      ['Light Modern', 'vscode-light'],
      ['Dark Modern', 'vscode-dark'],
    ] as const) {
      await switchTheme(page, theme);
      await history.locator(`body.${kind}`).waitFor({ timeout });
      await assertKeyboardReachable(page, history, theme);
      await focusRollBackByKeyboard(page, history);
      assert.ok(existsSync(await workbench.screenshot(`history-keyboard-${kind}`)));
    }
  });
});

/** Buttons have a solid contrast border, rows a contrast border line, the current row a dashed active-border outline. */
function assertContrastBorders(report: ContrastReport, kind: string): void {
  assert.ok(report.bodyClasses.includes(kind), `body has ${kind}: ${report.bodyClasses.join(' ')}`);
  assert.notEqual(report.contrastBorder, '', 'the theme defines --vscode-contrastBorder');
  assert.notEqual(report.contrastActiveBorder, '', 'the theme defines --vscode-contrastActiveBorder');
  assert.deepEqual(report.button, { style: 'solid', width: '1px', color: report.contrastBorder }, 'Roll Back border');
  assert.deepEqual(report.row, { style: 'solid', width: '1px', color: report.contrastBorder }, 'row border');
  assert.deepEqual(
    report.currentRow,
    { style: 'dashed', width: '1px', color: report.contrastActiveBorder },
    'current row outline',
  );
}
