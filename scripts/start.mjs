// `npm start`: from a fresh clone, the extension running in VS Code in the
// browser against a local Fluxbase server with demo data (see README.md).
//
// This file needs nothing but Node: it runs `npm ci` when node_modules is
// missing or does not match package-lock.json, then bundles
// scripts/demo/startDemo.ts with esbuild (as scripts/server.mjs does for the
// server) and runs it. scripts/startDesktop.mjs reuses `start()`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { nodeScriptBundleOptions } from './nodeScriptBundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const minimumNode = [20, 18, 1];

function checkNodeVersion() {
  const current = process.versions.node.split('.').map(Number);
  const older = minimumNode.findIndex((part, i) => current[i] !== part);
  if (older !== -1 && current[older] < minimumNode[older]) {
    throw new Error(`Node ${minimumNode.join('.')} or later is needed; this is Node ${process.versions.node}`);
  }
}

/** Why node_modules does not match package-lock.json, or undefined when it does. */
function staleDependencies() {
  if (!existsSync(path.join(root, 'node_modules'))) {
    return 'node_modules is missing';
  }
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    if (!location.startsWith('node_modules/') || entry.link || entry.version === undefined) {
      continue;
    }
    let installed;
    try {
      installed = JSON.parse(readFileSync(path.join(root, location, 'package.json'), 'utf8')).version;
    } catch {
      // Optional packages (other platforms' binaries) are rightly missing.
      if (entry.optional || entry.devOptional) {
        continue;
      }
      return `${location} is missing`;
    }
    if (installed !== entry.version) {
      return `${location} is ${installed}, package-lock.json wants ${entry.version}`;
    }
  }
  return undefined;
}

function ensureDependencies() {
  const reason = staleDependencies();
  if (reason === undefined) {
    return;
  }
  console.log(`Installing dependencies with npm ci (${reason})…`);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(
      'npm ci failed (see above). If a native module did not build, install the build tools as root: ' +
        'apt-get update && apt-get install -y build-essential pkg-config python3',
    );
  }
}

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
    checkNodeVersion();
    ensureDependencies();
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
