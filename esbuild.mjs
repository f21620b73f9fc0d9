// Five bundles: the extension (Node, CommonJS, `vscode` external), the HTTP
// connection pool it loads on the first request (dist/client.js: undici) and the
// CLI configuration's YAML parser it loads on the first read (dist/yaml.js), both kept
// out of activation, and the version-history and Compare Secrets webviews (browser, IIFE).
// `--production` minifies and drops source maps; `--watch` rebuilds on change;
// `--bench-marks` (with `--production`: what `npm run bench:ui` packages) keeps
// the benchmark's timing channel, which the production build cannot see.
import * as esbuild from 'esbuild';
import * as nodeCrypto from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { basename } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const benchMarks = process.argv.includes('--bench-marks');

/**
 * src/host/bench/benchMarks.ts writes timing marks to the file FLUXBASE_BENCH_MARKS names. In the
 * production build that variable is `undefined` at build time, whatever the environment says at run
 * time, so the marks and the benchmark's ping command are dead code the minifier drops.
 */
const benchMarksDefine = production && !benchMarks ? { 'process.env.FLUXBASE_BENCH_MARKS': 'undefined' } : {};

/**
 * Modules the extension requires at first use, each in a bundle of its own next to dist/extension.js:
 * src/core/api/lazyPool.ts requires './undiciPool' on the first request (undici: dist/client.js),
 * src/core/cliProfiles/cliConfig.ts requires './cliConfigParser' on the first CLI configuration read
 * (the yaml package: dist/yaml.js). In the extension bundle each require names its separate bundle.
 */
const separateBundles = [
  { request: './undiciPool', entry: 'src/core/api/undiciPool.ts', outfile: 'dist/client.js' },
  { request: './cliConfigParser', entry: 'src/core/cliProfiles/cliConfigParser.ts', outfile: 'dist/yaml.js' },
];

/** @type {import('esbuild').Plugin} */
const requiredAtFirstUse = {
  name: 'required-at-first-use',
  setup(build) {
    build.onResolve({ filter: /^\.\/\w+$/ }, (args) => {
      const separate = separateBundles.find(({ request }) => request === args.path);
      return separate ? { path: `./${basename(separate.outfile)}`, external: true } : undefined;
    });
  },
};

/**
 * undici's HTTP/1 and HTTP/2 clients require fetch's body code (and with it most of
 * undici's web/ folder) only to send a FormData body; the transport sends strings.
 * @type {import('esbuild').Plugin}
 */
const noFormDataBodies = {
  name: 'no-form-data-bodies',
  setup(build) {
    build.onResolve({ filter: /\/web\/fetch\/body\.js$/ }, () => ({ path: 'fetch-body', namespace: 'stub' }));
    build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: "exports.extractBody = () => { throw new Error('FormData bodies are not bundled'); };",
      loader: 'js',
    }));
  },
};

/**
 * Loading Node's crypto module (and the streams it pulls in) costs about as much as
 * the whole rest of activation, yet only the history page's CSP nonce and dotenv's
 * decryption call it, long after activate(). In the extension bundle `crypto` is a
 * module whose exports (the names this Node has) are getters that load it on first use.
 * @type {import('esbuild').Plugin}
 */
const cryptoOnFirstUse = {
  name: 'crypto-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      args.namespace === 'lazy-crypto'
        ? { path: 'node:crypto', external: true }
        : { path: 'crypto', namespace: 'lazy-crypto' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-crypto' }, () => ({
      contents: `let crypto;
for (const key of ${JSON.stringify(Object.keys(nodeCrypto))}) {
  Object.defineProperty(exports, key, { enumerable: true, get: () => (crypto ??= require('node:crypto'))[key] });
}`,
      loader: 'js',
    }));
  },
};

/** @type {import('esbuild').BuildOptions[]} */
const builds = [
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [requiredAtFirstUse, cryptoOnFirstUse],
  },
  ...separateBundles.map(({ entry, outfile }) => ({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [noFormDataBodies],
  })),
];
if (existsSync('src/webview/main.ts')) {
  builds.push({
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
}
if (existsSync('src/webview/compare/main.ts')) {
  builds.push({
    entryPoints: ['src/webview/compare/main.ts'],
    outfile: 'dist/compare.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
}

// The history page's icons: codicon.css and the font it loads, served from dist/ (a localResourceRoot).
mkdirSync('dist/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) {
  copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/codicons/${file}`);
}

const common = {
  minify: production,
  sourcemap: !production,
  legalComments: 'none',
  // Sizes and timings while watching; otherwise (npm test, npm run package) only warnings and errors.
  logLevel: watch ? 'info' : 'warning',
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"', ...benchMarksDefine },
};

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
