// `npm start`: from a fresh clone, the extension running in VS Code in the
// browser against a local Fluxbase server with demo data (see README.md).
//
// This file needs nothing but Node: it installs what is missing
// (scripts/ensureInstalled.mjs: Debian packages, `npm ci`, code-server), then bundles
// scripts/demo/startDemo.ts with esbuild (as scripts/server.mjs does for the
// server) and runs it. scripts/startDesktop.mjs reuses `start()`.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureInstalled } from './ensureInstalled.mjs';
import { nodeScriptBundleOptions } from './nodeScriptBundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles the TypeScript of the demo into out/demo/startDemo.js; dependencies stay in node_modules. */
async function bundleDemo() {
  const esbuild = await import('esbuild');
  const outfile = path.join(root, 'out', 'demo', 'startDemo.js');
  await esbuild.build({
    entryPoints: [path.join(root, 'scripts', 'demo', 'startDemo.ts')],
    outfile,
    ...nodeScriptBundleOptions,
  });
  return outfile;
}

/**
 * Installs what is missing, then runs the demo with `editor`
 * (`{ kind: 'browser' }` or `{ kind: 'desktop', codePath }`) until it stops,
 * and exits with its exit code.
 */
export async function start(editor) {
  let code;
  try {
    const browser = editor.kind === 'browser';
    ensureInstalled({ codeServer: browser, browser: false }, browser ? 'npm start' : 'npm run start:desktop');
    const { runDemo } = createRequire(import.meta.url)(await bundleDemo());
    code = await runDemo({ repoRoot: root, editor });
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  }
  process.exit(code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await start({ kind: 'browser' });
}
