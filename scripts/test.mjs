// `npm test`: first installs what is missing (scripts/ensureInstalled.mjs:
// Debian packages, `npm ci`, code-server), then format and lint checks, type checks, the esbuild build, then the
// three test layers (unit in plain Node, integration inside VS Code/code-server,
// e2e driving code-server in Chromium). `node scripts/test.mjs <layer>` runs one
// layer after compiling and building what it needs.
//
// Each layer writes its pass/fail counts to the JSON file named by
// FLUXBASE_TEST_RESULTS. The last line printed is always `N passed, N failed`,
// summed over the layers; a failed check, or a layer that did not report, ran
// no test or exited non-zero with no failing test, counts as one more failure,
// so the line says "0 failed" exactly when the exit code is 0.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensureInstalled.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const node = process.execPath;

/** @type {Record<string, { command: string[], needsBuild: boolean, before?: string[] }>} */
const layers = {
  unit: { command: [node, 'out/test/support/mochaLayer.js', 'unit', '10000'], needsBuild: false },
  integration: { command: [node, 'out/test/integration/runTest.js'], needsBuild: true },
  e2e: {
    command: [node, 'out/test/support/mochaLayer.js', 'e2e', '120000'],
    needsBuild: true,
    before: ['npm', 'run', '--silent', 'package'],
  },
};

const only = process.argv[2];
if (only !== undefined && !Object.hasOwn(layers, only)) {
  console.error(`usage: node scripts/test.mjs [${Object.keys(layers).join('|')}]`);
  process.exit(2);
}
const selectedLayers = only ? [only] : Object.keys(layers);

// The integration and e2e layers drive code-server in Chromium; the unit layer needs neither.
const drivesEditor = selectedLayers.some((name) => name !== 'unit');
try {
  ensureInstalled({ codeServer: drivesEditor, browser: drivesEditor }, only ? `npm run test:${only}` : 'npm test');
} catch (error) {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** Runs a command with the output streaming through; resolves with its exit code and duration. */
function run([command, ...args], env = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve({ code: 1, ms: Date.now() - started });
    });
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), ms: Date.now() - started }));
  });
}

/** Deletes compiled test files whose TypeScript source is gone, so a removed test cannot keep running from out/. */
function pruneStaleCompiledTests() {
  const outTests = path.join(root, 'out', 'test');
  if (!existsSync(outTests)) {
    return;
  }
  for (const file of readdirSync(outTests, { recursive: true, encoding: 'utf8' })) {
    const match = /^(.*)\.js(\.map)?$/.exec(file);
    if (match && !existsSync(path.join(root, 'test', `${match[1]}.ts`))) {
      rmSync(path.join(outTests, file), { force: true });
    }
  }
}

function readCounts(file) {
  try {
    const counts = JSON.parse(readFileSync(file, 'utf8'));
    if (Number.isInteger(counts?.passed) && Number.isInteger(counts?.failed)) {
      return counts;
    }
  } catch {
    // Missing or unreadable: the layer did not report.
  }
  return undefined;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const summary = [];
let passed = 0;
let failed = 0;

async function check(name, command) {
  console.log(`\n=== ${name}`);
  const { code, ms } = await run(command);
  summary.push(`${name.padEnd(28)} ${code === 0 ? 'ok' : 'FAILED'}  (${seconds(ms)})`);
  if (code !== 0) {
    failed += 1;
  }
  return code === 0;
}

async function runLayer(name) {
  const layer = layers[name];
  console.log(`\n=== ${name} tests`);
  const started = Date.now();
  const resultsDir = mkdtempSync(path.join(tmpdir(), `fluxbase-${name}-results-`));
  const resultsFile = path.join(resultsDir, 'counts.json');
  let problem;
  let counts;
  try {
    if (layer.before && (await run(layer.before)).code !== 0) {
      problem = `did not run: \`${layer.before.join(' ')}\` failed`;
    } else {
      const { code } = await run(layer.command, { FLUXBASE_TEST_RESULTS: resultsFile });
      counts = readCounts(resultsFile);
      if (!counts) {
        problem = `did not report results (exit code ${code})`;
      } else if (counts.passed + counts.failed === 0) {
        problem = 'ran no tests';
      } else if (code !== 0 && counts.failed === 0) {
        problem = `exited with code ${code} although no test failed`;
      }
    }
  } finally {
    rmSync(resultsDir, { recursive: true, force: true });
  }
  passed += counts?.passed ?? 0;
  failed += (counts?.failed ?? 0) + (problem ? 1 : 0);
  const result = counts ? `${counts.passed} passed, ${counts.failed} failed` : 'no results';
  summary.push(
    `${`${name} tests`.padEnd(28)} ${result}${problem ? `; ${problem}` : ''}  (${seconds(Date.now() - started)})`,
  );
}

const started = Date.now();
if (!only) {
  await check('prettier --check', [bin('prettier'), '--check', '.']);
  await check('eslint', [bin('eslint'), '.']);
  // The layer rules of .dependency-cruiser.cjs (README, "For contributors"): zero violations, zero cycles.
  await check('depcruise (layers)', [
    bin('depcruise'),
    'src',
    'server',
    'scripts',
    '--config',
    '.dependency-cruiser.cjs',
    '--output-type',
    'err',
  ]);
}
await check('tsc -p .', [bin('tsc'), '-p', '.']);
if (!only) {
  await check('tsc -p tsconfig.webview.json', [bin('tsc'), '-p', 'tsconfig.webview.json']);
  // The benchmark is bundled by esbuild, which does not check types: checked here so that it cannot drift.
  await check('tsc -p bench/tsconfig.json', [bin('tsc'), '-p', 'bench/tsconfig.json']);
}
pruneStaleCompiledTests();
if (selectedLayers.some((name) => layers[name].needsBuild)) {
  await check('esbuild', [node, 'esbuild.mjs']);
}
for (const name of selectedLayers) {
  await runLayer(name);
}

console.log(`\n=== summary (${seconds(Date.now() - started)})`);
for (const line of summary) {
  console.log(`  ${line}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
