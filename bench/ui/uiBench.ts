/**
 * `npm run bench:ui`: timings a person waits for inside VS Code (code-server
 * in headless Chromium, with the packaged extension, as the UI tests run
 * it), measured from the page with Playwright: the Secrets view opened →
 * its first rows shown, at 1,000 and 10,000 secrets, next to the floor of the
 * list request itself (undici from Node); and `Deno.env.get("` typed →
 * completion list shown, at 10,000 secrets. The extension connects through
 * the environment connection (FLUXBASE_URL, FLUXBASE_SERVICE_TOKEN) to a
 * seeded local server. Medians of `rounds` runs, each in a fresh workbench.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { createServiceKey } from '../../server/cli/keysCommand';
import { openWorkbench, type Workbench } from '../../test/e2e/support/workbench';
import { activityBarItem, rowLabelled } from '../../test/e2e/support/workbenchParts';
import { forkServer, killAllChildren, type ForkedServer } from '../childServer';
import type { ServerProcessConfig } from '../serverProcess';
import { median } from '../stats';
import type { DataSetShape } from '../syntheticSecrets';

const TIMEOUT_MS = 120_000;

interface Seeded {
  server: ForkedServer;
  key: string;
  dataDir: string;
}

async function seededServer(scratch: string, shape: DataSetShape): Promise<Seeded> {
  const dataDir = join(scratch, `data-${shape.total}`);
  mkdirSync(dataDir, { recursive: true });
  let key = '';
  createServiceKey(dataDir, 'read:secrets,write:secrets', 'bench-ui', {
    out: (text) => (key += text),
    err: () => undefined,
  });
  const config: ServerProcessConfig = {
    dataDir,
    seed: shape,
    encryptionKey: randomBytes(16).toString('hex'),
    jwtSecret: randomBytes(32).toString('hex'),
    admin: { email: 'bench-ui@example.com', password: randomBytes(12).toString('hex') },
  };
  const server = await forkServer(join(__dirname, 'serverProcess.js'), config);
  return { server, key: key.trim(), dataDir };
}

async function listRequestMs(url: string, key: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const response = await request(`${url}/api/v1/secrets`, { headers: { 'x-service-key': key } });
    await response.body.text();
    samples.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`the list answered ${response.statusCode}`);
  }
  return median(samples);
}

/** Opens the Secrets view and times until its Global row is drawn (the list loaded and mapped). */
async function firstRowsMs(workbench: Workbench): Promise<number> {
  const { page } = workbench;
  const started = performance.now();
  await activityBarItem(page, 'Fluxbase').click();
  await rowLabelled(page, 'Global').waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  return performance.now() - started;
}

/**
 * Types `Deno.env.get("` in a plain-text file (the extension completes there through
 * `fluxbaseSecrets.completionLanguages`; no language server competes) and times the last
 * keystroke → the suggest widget's rows; twice, the second with everything loaded.
 */
async function completionMs(workbench: Workbench): Promise<[number, number]> {
  const { page } = workbench;
  // quick open is the command palette without its '>'
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await input.fill('refs.txt');
  await page
    .locator('.quick-input-widget .monaco-list-row', { hasText: 'refs.txt' })
    .first()
    .waitFor({ timeout: TIMEOUT_MS });
  await input.press('Enter');
  const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await lines.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await lines.click();
  await page.keyboard.press('Control+End');
  const once = async (): Promise<number> => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('const key = Deno.env.get(');
    const started = performance.now();
    await page.keyboard.type('"');
    await page
      .locator('.suggest-widget .monaco-list-row', { hasText: 'FLUXBASE_SECRET_' })
      .first()
      .waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    return performance.now() - started;
  };
  return [await once(), await once()];
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const rounds = quick ? 1 : 3;
  const only = process.argv.find((arg) => arg.startsWith('--secrets='))?.slice('--secrets='.length);
  const sizes: DataSetShape[] = only
    ? only.split(',').map((total) => ({ total: Number(total), namespaces: Math.max(1, Number(total) / 50) }))
    : quick
      ? [{ total: 200, namespaces: 5 }]
      : [
          { total: 1000, namespaces: 10 },
          { total: 10_000, namespaces: 200 },
        ];
  const scratch = mkdtempSync(join(tmpdir(), 'fluxbase-bench-ui-'));
  const workspace = join(scratch, 'workspace');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'refs.txt'), 'secret references\n');
  const report: Record<string, unknown>[] = [];
  try {
    for (const shape of sizes) {
      const seeded = await seededServer(scratch, shape);
      try {
        const floorMs = await listRequestMs(seeded.server.url, seeded.key);
        const firstRows: number[] = [];
        const completion: number[] = [];
        const firstCompletion: number[] = [];
        for (let round = 0; round < rounds; round++) {
          const workbench = await openWorkbench({
            workspace,
            extensionEnv: { FLUXBASE_URL: seeded.server.url, FLUXBASE_SERVICE_TOKEN: seeded.key },
            settings: { 'fluxbaseSecrets.completionLanguages': ['plaintext'] },
          });
          try {
            firstRows.push(await firstRowsMs(workbench));
            const [first, warm] = await completionMs(workbench).catch(async (error: unknown) => {
              process.stderr.write(`[bench:ui] screenshot: ${await workbench.screenshot('bench-ui-completion')}\n`);
              throw error;
            });
            firstCompletion.push(first);
            completion.push(warm);
          } finally {
            await workbench.close();
          }
        }
        const row = {
          secrets: shape.total,
          listRequestMs: floorMs,
          firstRowsMs: median(firstRows),
          firstRowsOverFloorMs: median(firstRows) - floorMs,
          completionMs: median(completion),
          firstCompletionMs: median(firstCompletion),
          samples: { firstRows, completion, firstCompletion },
          loadAverage: loadavg(),
        };
        process.stderr.write(`[bench:ui] ${JSON.stringify(row)}\n`);
        report.push(row);
      } finally {
        await seeded.server.stop();
      }
    }
  } finally {
    killAllChildren();
    rmSync(scratch, { recursive: true, force: true });
  }
  const lines = [
    '| Secrets | List request (floor) | View opened → first rows | Over floor | `Deno.env.get("` → completion |',
  ];
  lines.push('| --- | --- | --- | --- | --- |');
  for (const row of report) {
    const ms = (value: unknown): string => `${Number(value).toFixed(0)} ms`;
    lines.push(
      `| ${String(row.secrets)} | ${ms(row.listRequestMs)} | ${ms(row.firstRowsMs)} | ${ms(row.firstRowsOverFloorMs)} | ${ms(row.completionMs)} (${ms(row.firstCompletionMs)}) |`,
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
  writeFileSync(join(process.env.FLUXBASE_REPO_ROOT ?? '.', 'bench-ui-results.json'), JSON.stringify(report, null, 2));
}

main().catch((error: unknown) => {
  killAllChildren();
  process.stderr.write(`bench:ui failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
