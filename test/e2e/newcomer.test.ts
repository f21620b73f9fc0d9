import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { DEMO_ADMIN } from '../../scripts/demo/demoSecrets';
import { createClient } from '../../src/core/api/fluxbaseClient';
import { closeChromium, launchChromium } from '../support/chromium';
import { killProcessTree } from '../support/processTree';
import { historyPage } from './support/historyPage';
import {
  isListening,
  isRunning,
  processesMentioning,
  processTreeOf,
  runNpmStart,
  waitForOutput,
  type StartRun,
} from './support/npmStart';
import { runCommand } from './support/quickInput';
import { saveScreenshot } from './support/screenshots';
import { activityBarItem, rowAction, rowLabelled, showViewContainer } from './support/workbenchParts';

const startTimeoutMs = 150_000;
const uiTimeoutMs = 60_000;
const stopTimeoutMs = 30_000;

describe('npm start, as a newcomer runs it on a fresh clone', function () {
  this.timeout(startTimeoutMs + uiTimeoutMs);
  let scratch = '';
  let startDir = '';
  let run: StartRun | undefined;
  let browser: BrowserContext | undefined;
  let editorUrl = '';
  let serverUrl = '';

  before(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), 'fluxbase-newcomer-'));
    startDir = path.join(scratch, 'start');
    run = runNpmStart(startDir);
    editorUrl = await waitForOutput(run, /VS Code in the browser:\s+(http:\/\/127\.0\.0\.1:\d+\/\S*)/, startTimeoutMs);
    serverUrl = await waitForOutput(run, /Local Fluxbase server:\s+(http:\/\/127\.0\.0\.1:\d+)/, 5_000);
  });

  after(async () => {
    await closeChromium(browser);
    if (run?.child.exitCode === null && run.child.signalCode === null) {
      await killProcessTree(run.child.pid);
    }
    // After a failed stop: whatever escaped the tree still names the start folder on its command line.
    for (const pid of startDir ? processesMentioning(startDir) : []) {
      await killProcessTree(pid);
    }
    if (scratch) {
      rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    }
  });

  it('prints the demo admin and keeps its data in the folder FLUXBASE_START_DIR names', () => {
    assert.ok(run);
    assert.match(run.output(), new RegExp(`Demo admin:\\s+${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`));
    assert.ok(existsSync(path.join(startDir, 'data', 'fluxbase.db')), 'the server data is in the start folder');
    assert.ok(existsSync(path.join(startDir, 'workspace', 'fluxbase', 'functions', 'charge-customer.ts')));
  });

  it('seeds the demo data through the API: two namespaces, an expired secret, versions, an override', async () => {
    const client = createClient({ url: serverUrl });
    try {
      await client.auth.login(DEMO_ADMIN);
      const secrets = await client.secrets.list();
      const namespaces = [...new Set(secrets.flatMap((secret) => secret.namespace ?? []))].sort();
      assert.deepEqual(namespaces, ['billing', 'notifications']);
      assert.ok(
        secrets.some((secret) => secret.is_expired),
        'one secret has expired',
      );
      const stats = await client.secrets.stats();
      assert.equal(stats.expiring_soon, 1);
      assert.equal((await client.secrets.get('STRIPE_API_KEY')).version, 3);
      const databaseUrls = secrets.filter((secret) => secret.name === 'DATABASE_URL').map((secret) => secret.scope);
      assert.deepEqual(databaseUrls.sort(), ['global', 'namespace']);
    } finally {
      await client.close();
    }
  });

  it('opens VS Code in the browser with the demo secrets in the Fluxbase tree, connected from the environment', async () => {
    browser = await launchChromium(path.join(scratch, 'browser'));
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(editorUrl, { timeout: uiTimeoutMs });
    await activityBarItem(page, 'Fluxbase').waitFor({ state: 'visible', timeout: uiTimeoutMs });
    await showViewContainer(page, 'Fluxbase');
    for (const label of ['Environment', 'STRIPE_API_KEY', 'LEGACY_WEBHOOK_SECRET', 'billing', 'notifications']) {
      await rowLabelled(page, label).waitFor({ state: 'visible', timeout: uiTimeoutMs });
    }
    assert.match(await rowLabelled(page, 'STRIPE_API_KEY').innerText(), /v3/);
    await saveScreenshot(page, 'newcomer-demo-tree');

    // The README's picture of the tree (docs/images/tree.png, 780 × 480): the expired secret's icon beside the
    // soon expiring one's tooltip, the side bar wide enough for the rows, no editor open beside it.
    await runCommand(page, 'View: Close All Editors');
    await page.setViewportSize({ width: 780, height: 480 });
    const sideBar = await page.locator('.part.sidebar').boundingBox();
    assert.ok(sideBar, 'the side bar is showing');
    const sashX = sideBar.x + sideBar.width;
    await page.mouse.move(sashX, sideBar.y + 200);
    await page.mouse.down();
    await page.mouse.move(430, sideBar.y + 200, { steps: 5 });
    await page.mouse.up();
    await rowLabelled(page, 'SENDGRID_API_KEY').hover({ timeout: uiTimeoutMs });
    await page
      .locator('.monaco-hover, .workbench-hover', { hasText: 'Transactional email' })
      .first()
      .waitFor({ state: 'visible', timeout: uiTimeoutMs });
    await saveScreenshot(page, 'tree-docs');
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows the version history of the demo secret with three versions and who made them', async () => {
    const page = browser?.pages()[0];
    assert.ok(page);
    const row = rowLabelled(page, 'STRIPE_API_KEY');
    await row.hover({ timeout: uiTimeoutMs });
    await rowAction(row, 'Show Version History').click({ timeout: uiTimeoutMs });
    const history = historyPage(page);
    await history.locator('tr.current', { hasText: 'v3' }).waitFor({ state: 'visible', timeout: uiTimeoutMs });
    assert.deepEqual(await history.locator('tbody th .version-badge').allInnerTexts(), ['v3', 'v2', 'v1']);
    // The demo admin wrote them; the editor is connected with a service key, so they show by short user id.
    const authors = await history.locator('tbody .author-label').allInnerTexts();
    assert.equal(authors.length, 3);
    assert.ok(
      authors.every((author) => /^[0-9a-f]{8}$/.test(author)),
      `short user ids: ${authors.join(', ')}`,
    );
    // The size of the README's pictures.
    await page.setViewportSize({ width: 1180, height: 680 });
    await saveScreenshot(page, 'newcomer-demo-history');
  });

  it('stops on Ctrl-C with nothing it started left running and both ports closed', async () => {
    assert.ok(run?.child.pid);
    const started = processTreeOf(run.child.pid);
    assert.ok(started.length >= 4, `npm, node and code-server's processes run: ${started.join(' ')}`);
    assert.ok(await isListening(editorUrl));
    assert.ok(await isListening(serverUrl));

    // What a terminal does on Ctrl-C: SIGINT to the whole foreground process group.
    process.kill(-run.child.pid, 'SIGINT');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), stopTimeoutMs).unref());
    const exit = await Promise.race([run.exited, timeout]);
    assert.notEqual(exit, 'timeout', `npm start did not exit within ${stopTimeoutMs} ms`);
    assert.match(run.output(), /Stopped\./);

    assert.deepEqual(started.filter(isRunning), [], 'every process npm start started has ended');
    assert.deepEqual(processesMentioning(startDir), [], 'no process still uses the start folder');
    assert.equal(await isListening(editorUrl), false, 'code-server port closed');
    assert.equal(await isListening(serverUrl), false, 'Fluxbase server port closed');
  });
});
