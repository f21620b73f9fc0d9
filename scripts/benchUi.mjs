// `npm run bench:ui [-- --quick]`: bundles bench/ui/uiBench.ts (with the UI
// tests' workbench helpers and the benchmark's server) into out/bench/ and
// runs it against dist/fluxbase-secrets.vsix, which it packages first. See
// BENCHMARKS.md, "In the editor".
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeScriptBundleOptions } from './nodeScriptBundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'out', 'bench');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['run', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
await esbuild.build({
  entryPoints: {
    uiBench: join(root, 'bench', 'ui', 'uiBench.ts'),
    compareUiRunner: join(root, 'bench', 'ui', 'compareUiRunner.ts'),
    serverProcess: join(root, 'bench', 'serverProcess.ts'),
  },
  outdir,
  ...nodeScriptBundleOptions,
});
// `--items-only`: only the item modules of scripts/bench/ (e.g. the Compare Secrets page's).
for (const script of process.argv.includes('--items-only') ? ['compareUiRunner'] : ['uiBench', 'compareUiRunner']) {
  execFileSync(process.execPath, [join(outdir, `${script}.js`), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FLUXBASE_REPO_ROOT: root },
  });
}
