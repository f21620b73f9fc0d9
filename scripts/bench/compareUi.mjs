// A `npm run bench:ui` item: the Compare Secrets page at about 5,000 names × 4 columns (issue 16, §5).
// Seeds 13,500 secrets (1,350 global, 4,050 in each of 3 namespaces: 4,995 variable names in all), opens
// the page on Global and the 3 namespaces, and times, from the page (Playwright) and in it (the page's
// User Timing measures, src/webview/compare/main.ts): columns accepted → first rows drawn; a table's
// arrival → first rows drawn; the "Only missing" filter clicked → its rows drawn; and the longest
// main-thread task of the page while it opens, filters and scrolls (a "visible pause" is one over
// 50 ms, the browser's own long-task bar). Exports runUiBenchItem(kit), the item hook of
// bench/ui/uiBenchKit.ts, which uiBench.ts runs after its own items.

import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

const TIMEOUT_MS = 120_000;
const CONNECTION = 'Environment';
const NAMESPACES = ['ns-0000', 'ns-0001', 'ns-0002'];

/** The content frame of the last webview opened (VS Code nests a page in two iframes). */
function pageFrame(page) {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().click({ timeout: TIMEOUT_MS });
}

async function tick(page, label) {
  const row = page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
    .first();
  await row.click({ timeout: TIMEOUT_MS });
  await page.locator('.quick-input-widget .monaco-list-row[aria-checked="true"]', { hasText: label }).first().waitFor();
}

/** Observes the page's long tasks from now on (and those already buffered); read with longestTaskMs. */
const observeLongTasks = `(() => {
  window.__compareLongTasks = [];
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__compareLongTasks.push(entry.duration); })
    .observe({ type: 'longtask', buffered: true });
  return true;
})()`;
const longestTaskMs = `Math.max(0, ...(window.__compareLongTasks ?? []))`;
const resetLongTasks = `(() => { window.__compareLongTasks = []; return true; })()`;
const measures = `Object.fromEntries(performance.getEntriesByType('measure')
  .filter((entry) => entry.name.startsWith('compare:')).map((entry) => [entry.name, entry.duration]))`;

/** One round in a fresh workbench; every figure in ms. */
async function compareRound(page) {
  // The store must hold the list before the command offers the namespaces: open the view, wait for the rows.
  await page
    .locator('.activitybar .action-item')
    .filter({ has: page.locator('a[aria-label^="Fluxbase"]') })
    .click({
      position: { x: 8, y: 8 },
    });
  await page
    .locator('.pane-body .monaco-list-row[role="treeitem"]', { hasText: /^Global\s*\d+ secrets/ })
    .first()
    .waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await runCommand(page, 'Fluxbase Secrets: Compare Secrets…');
  await tick(page, `${CONNECTION} · Global`);
  for (const namespace of NAMESPACES) {
    await tick(page, `${CONNECTION} · ${namespace}`);
  }
  const frame = pageFrame(page);
  const accepted = performance.now();
  await page.keyboard.press('Enter');
  await frame.locator('tbody tr').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  const openedMs = performance.now() - accepted;
  const body = frame.locator('body');
  await body.evaluate(observeLongTasks);
  const rows = Number((await frame.locator('table[role="grid"]').getAttribute('data-rows')) ?? 1) - 1;
  const rendered = await measuresOnce(body, 'compare:first-rows');
  await page.waitForTimeout(500);
  const renderLongestMs = await body.evaluate(longestTaskMs);

  await body.evaluate(resetLongTasks);
  const count = frame.locator('.compare-count');
  const before = await count.innerText();
  const clicked = performance.now();
  await frame.locator('button[data-filter="missing"]').click();
  await count.filter({ hasNotText: before }).waitFor({ timeout: TIMEOUT_MS });
  const filterMs = performance.now() - clicked;
  const missingRows = Number((await frame.locator('table[role="grid"]').getAttribute('data-rows')) ?? 1) - 1;
  const filtered = await measuresOnce(body, 'compare:filter-shown');
  await page.waitForTimeout(500);
  const filterLongestMs = await body.evaluate(longestTaskMs);

  // Scrolling down through the table: rows are built as they come near.
  await body.evaluate(resetLongTasks);
  await frame.locator('tbody tr').first().hover();
  for (let turn = 0; turn < 15; turn++) {
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(500);
  const scrollLongestMs = await body.evaluate(longestTaskMs);
  const builtAfterScroll = await frame.locator('tbody tr').count();
  return {
    rows,
    missingRows,
    builtAfterScroll,
    openedMs,
    firstRowsMs: rendered['compare:first-rows'],
    renderScriptMs: rendered['compare:render-script'],
    renderLongestMs,
    filterMs,
    filterShownMs: filtered['compare:filter-shown'],
    filterScriptMs: filtered['compare:render-script'],
    filterLongestMs,
    scrollLongestMs,
  };
}

/** The page's measures once `name` is among them (the page takes it after the rows are drawn); the latest of each name. */
async function measuresOnce(body, name) {
  const deadline = performance.now() + TIMEOUT_MS;
  for (;;) {
    const found = await body.evaluate(measures);
    if (found[name] !== undefined || performance.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `kit`: the UiBenchKit of bench/ui/uiBenchKit.ts (quick, rounds, seededServer, openWorkbench, requestFloorMs, median, log). */
export async function runUiBenchItem(kit) {
  const shape = kit.quick ? { total: 1_350, namespaces: 3 } : { total: 13_500, namespaces: 3 };
  const seeded = await kit.seededServer(shape, 'compare');
  const rounds = [];
  let floorMs = 0;
  try {
    floorMs = await kit.requestFloorMs(seeded, '/api/v1/secrets');
    for (let round = 0; round < kit.rounds; round++) {
      const { workbench } = await kit.openWorkbench(seeded, `compare-${round}`);
      try {
        rounds.push(await compareRound(workbench.page));
        kit.log(`compare page, round ${round + 1}: ${JSON.stringify(rounds.at(-1))}`);
      } catch (error) {
        kit.log(`screenshot: ${await workbench.screenshot(`bench-ui-compare-${round}`)}`);
        throw error;
      } finally {
        await workbench.close();
      }
    }
  } finally {
    await seeded.stop();
  }
  const row = (item, key, target, floorName = 'list request', floor = floorMs) => {
    const samples = rounds.map((result) => result[key]);
    const ms = kit.median(samples);
    return {
      item: `${item} (${rounds[0]?.rows ?? 0} names × 4 columns)`,
      secrets: shape.total,
      ms,
      samples,
      floorName,
      floorMs: floor,
      ...(target ? { target: target.text, met: target.met(ms) } : {}),
      loadAverage: loadavg(),
    };
  };
  const noPause = { text: '≤ 50 ms (no long task)', met: (ms) => ms <= 50 };
  return [
    row('Compare: columns accepted → first rows', 'openedMs'),
    row('Compare: table arrived → first rows drawn (page)', 'firstRowsMs'),
    row('Compare: script part of that render (page)', 'renderScriptMs'),
    row('Compare: longest page task, opening', 'renderLongestMs', noPause),
    row('Compare: "Only missing" clicked → rows shown', 'filterMs'),
    row('Compare: "Only missing" clicked → first rows drawn (page)', 'filterShownMs'),
    row('Compare: script part of the filtered render (page)', 'filterScriptMs'),
    row('Compare: longest page task, filtering', 'filterLongestMs', noPause),
    row('Compare: longest page task, scrolling 30,000 px', 'scrollLongestMs', noPause),
  ];
}
