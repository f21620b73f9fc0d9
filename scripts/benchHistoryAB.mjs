// `node scripts/benchHistoryAB.mjs --before=a.vsix --after=b.vsix [--rounds=5]`: the history page of two
// builds side by side (bench/ui/historyAB.ts). Build each package with the timing channel:
// `node esbuild.mjs --production --bench-marks && node scripts/packageVsix.mjs <file>.vsix` in its checkout.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeScriptBundleOptions } from './nodeScriptBundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'out', 'bench');
mkdirSync(outdir, { recursive: true });
await esbuild.build({
  entryPoints: {
    historyAB: join(root, 'bench', 'ui', 'historyAB.ts'),
    serverProcess: join(root, 'bench', 'serverProcess.ts'),
  },
  outdir,
  ...nodeScriptBundleOptions,
});
execFileSync(process.execPath, [join(outdir, 'historyAB.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FLUXBASE_REPO_ROOT: root },
});
