// `npm run server -- …`: bundles server/main.ts with esbuild (no tsc build
// needed on a fresh clone) into out/server/bundle.js and runs it in this
// process with the same arguments.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'out', 'server', 'bundle.js');

await esbuild.build({
  entryPoints: [join(root, 'server', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['better-sqlite3'],
  sourcemap: 'linked',
  logLevel: 'warning',
});

const { runCli } = createRequire(import.meta.url)(outfile);
await runCli(process.argv.slice(2));
