// Four bundles: the extension (Node, CommonJS, `vscode` external), the HTTP
// connection pool it loads on the first request (dist/client.js: undici, kept
// out of activation), and the version-history and Compare Secrets webviews (browser, IIFE).
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import * as nodeCrypto from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * src/core/api/lazyPool.ts requires './undiciPool' on the first request: in the
 * extension bundle that require names the separate bundle dist/client.js.
 * @type {import('esbuild').Plugin}
 */
const poolInSeparateBundle = {
  name: 'pool-in-separate-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\/undiciPool$/ }, () => ({ path: './client.js', external: true }));
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
    plugins: [poolInSeparateBundle, cryptoOnFirstUse],
  },
  {
    entryPoints: ['src/core/api/undiciPool.ts'],
    outfile: 'dist/client.js',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [noFormDataBodies],
  },
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
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
};

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b })));
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
