// `npm run bench:ui [-- --quick] [-- --secrets=1000,10000]`: bundles bench/ui/uiBench.ts
// (with the UI tests' workbench helpers and the benchmark's server) into out/bench/ and
// runs it against out/bench/fluxbase-secrets-bench.vsix: the extension built with its
// timing channel (`esbuild.mjs --production --bench-marks`), packaged here; dist/ is
// rebuilt for production afterwards (what `npm run package` leaves). More items:
// scripts/bench/*.mjs (bench/ui/uiBenchKit.ts). See BENCHMARKS.md, "In the editor".
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeScriptBundleOptions } from './nodeScriptBundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'out', 'bench');
mkdirSync(outdir, { recursive: true });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const vsix = join(outdir, 'fluxbase-secrets-bench.vsix');
const quiet = { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] };
try {
  execFileSync(process.execPath, ['esbuild.mjs', '--production', '--bench-marks'], quiet);
  execFileSync(process.execPath, [join('scripts', 'packageVsix.mjs'), vsix], quiet);
} finally {
  execFileSync(npm, ['run', 'package'], quiet);
}
await esbuild.build({
  entryPoints: {
    uiBench: join(root, 'bench', 'ui', 'uiBench.ts'),
    serverProcess: join(root, 'bench', 'serverProcess.ts'),
  },
  outdir,
  ...nodeScriptBundleOptions,
});
execFileSync(process.execPath, [join(outdir, 'uiBench.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FLUXBASE_REPO_ROOT: root, FLUXBASE_BENCH_VSIX: vsix },
});
