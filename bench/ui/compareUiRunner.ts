/**
 * Runs the `npm run bench:ui` item modules of scripts/bench/ (the Compare
 * Secrets page's, scripts/bench/compareUi.mjs) with a kit of their own, for
 * a bench:ui without the item hook (bench/ui/uiBenchKit.ts): a seeded server
 * in a child process, workbenches connected to it through the environment
 * connection, medians. Prints the rows as a table and writes
 * bench-ui-compare-results.json. Once uiBench.ts loads scripts/bench/*.mjs
 * itself, this runner and its line in scripts/benchUi.mjs go.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { request } from 'undici';
import { createServiceKey } from '../../server/cli/keysCommand';
import { openWorkbench, type Workbench } from '../../test/e2e/support/workbench';
import { forkServer, killAllChildren, type ForkedServer } from '../childServer';
import type { ServerProcessConfig } from '../serverProcess';
import { median } from '../stats';
import type { DataSetShape } from '../syntheticSecrets';

interface Seeded {
  server: ForkedServer;
  key: string;
  stop(): Promise<void>;
}

interface Row {
  item: string;
  ms: number;
  samples: number[];
  floorName: string;
  floorMs: number;
  target?: string;
  met?: boolean;
}

type Item = (kit: object) => Promise<Row[]>;

const root = process.env.FLUXBASE_REPO_ROOT ?? '.';
const scratch = mkdtempSync(join(tmpdir(), 'fluxbase-bench-ui-items-'));

async function seededServer(shape: DataSetShape, label: string): Promise<Seeded> {
  const dataDir = join(scratch, `data-${label}`);
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
  return { server, key: key.trim(), stop: () => server.stop() };
}

async function requestFloorMs(seeded: Seeded, path: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const response = await request(`${seeded.server.url}${path}`, { headers: { 'x-service-key': seeded.key } });
    await response.body.text();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const kit = {
    quick,
    rounds: quick ? 1 : 3,
    seededServer,
    openWorkbench: async (seeded: Seeded): Promise<{ workbench: Workbench }> => ({
      workbench: await openWorkbench({
        extensionEnv: { FLUXBASE_URL: seeded.server.url, FLUXBASE_SERVICE_TOKEN: seeded.key },
      }),
    }),
    requestFloorMs,
    median,
    log: (text: string) => process.stderr.write(`[bench:ui] ${text}\n`),
  };
  const folder = join(root, 'scripts', 'bench');
  const rows: Row[] = [];
  try {
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.mjs'))) {
      const loaded = (await import(pathToFileURL(join(folder, name)).href)) as { runUiBenchItem: Item };
      rows.push(...(await loaded.runUiBenchItem(kit)));
    }
  } finally {
    killAllChildren();
    rmSync(scratch, { recursive: true, force: true });
  }
  const ms = (value: number | undefined): string => (value === undefined ? '—' : `${value.toFixed(1)} ms`);
  const lines = ['| Item | Median | Samples | Floor | Target |', '| --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    const target = row.target === undefined ? '' : `${row.target}: ${row.met ? 'met' : '**missed**'}`;
    lines.push(
      `| ${row.item} | ${ms(row.ms)} | ${row.samples.map((sample) => sample.toFixed(0)).join(', ')} | ${row.floorName} ${ms(row.floorMs)} | ${target} |`,
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n`);
  writeFileSync(join(root, 'bench-ui-compare-results.json'), JSON.stringify(rows, null, 2));
}

main().catch((error: unknown) => {
  killAllChildren();
  process.stderr.write(`bench:ui items failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
