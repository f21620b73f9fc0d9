// `npm run bench [-- --only=client,bulk,tree,activation,server] [-- --quick]`:
// bundles the benchmark (bench/*.ts, with the src/ and server/ code it
// imports) with esbuild into out/bench/ — no tsc build needed on a fresh
// clone — and runs it. See BENCHMARKS.md for the method and the figures.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeScriptBundleOptions } from './nodeScriptBundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'out', 'bench');
// Each entry runs in its own process or thread: the runner, the two servers,
// the tree worker, the activation probe, the host probe (with the scenario it
// loads once the stand-in vscode module is installed) and the latency proxy.
const entries = [
  'main',
  'serverProcess',
  'bareServerProcess',
  'treeWorker',
  'activationProbe',
  'hostProbe',
  'hostScenario',
  'latencyProxyProcess',
];

await esbuild.build({
  entryPoints: Object.fromEntries(entries.map((name) => [name, join(root, 'bench', `${name}.ts`)])),
  outdir,
  ...nodeScriptBundleOptions,
});

const { runBench } = createRequire(import.meta.url)(join(outdir, 'main.js'));
try {
  process.exitCode = await runBench(process.argv.slice(2));
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
