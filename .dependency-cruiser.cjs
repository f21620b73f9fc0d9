// The layer rules, checked by `npx depcruise` in `npm test` (scripts/test.mjs) and listed in README's
// contributor map. They add to the ESLint rules, they replace none.
//
// src/core is a stack, bottom to top: api; the core root files (ports and vocabulary: logger,
// disposable, userInput, commandIds, commandArgument, secretVariable); connections; explorer;
// code and history (side by side, neither imports the other); commands (the handlers and the one
// table). Nothing imports up the stack, and nothing anywhere imports in a cycle.
const CORE_FEATURES = 'connections|explorer|code|history|commands';

/** A rule that forbids `from` to import any path matching `to`. */
const forbid = (name, comment, from, to, extra = {}) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: to, ...extra },
});

module.exports = {
  forbidden: [
    forbid(
      'no-vscode-outside-host',
      'src/core, src/shared and src/webview never import vscode: VS Code code lives in src/host.',
      '^src/(core|shared|webview)/',
      // `vscode` resolves to its types package (node_modules is a link to the shared install)
      '(^|/)node_modules/@types/vscode/|^vscode$',
    ),
    forbid(
      'shared-imports-only-shared',
      'src/shared is imported by the host and the browser bundle: it imports only itself, no Node built-ins.',
      '^src/shared/',
      '^(?!src/shared/)',
    ),
    forbid(
      'webview-imports-only-shared',
      'The page imports only itself and src/shared.',
      '^src/webview/',
      '^(?!src/(webview|shared)/)',
    ),
    forbid(
      'api-stands-alone',
      'The API client (src/core/api) imports nothing else from core.',
      '^src/core/api/',
      '^src/core/(?!api/)',
    ),
    forbid(
      'core-root-below-features',
      'The core root files (ports, ids, the argument parser) sit below every feature folder.',
      '^src/core/[^/]+$',
      `^src/core/(${CORE_FEATURES})/`,
    ),
    forbid(
      'connections-below-explorer',
      'connections sits below explorer, code, history and commands.',
      '^src/core/connections/',
      '^src/core/(explorer|code|history|commands)/',
    ),
    forbid(
      'explorer-below-features',
      'explorer sits below code, history and commands.',
      '^src/core/explorer/',
      '^src/core/(code|history|commands)/',
    ),
    forbid(
      'code-beside-history',
      'code sits below commands and beside history.',
      '^src/core/code/',
      '^src/core/(history|commands)/',
    ),
    forbid(
      'history-beside-code',
      'history sits below commands and beside code.',
      '^src/core/history/',
      '^src/core/(code|commands)/',
    ),
    forbid(
      'core-never-imports-host',
      'src/core never imports the host adapters or activation.',
      '^src/core/',
      '^src/(host/|extension\\.ts)',
    ),
    forbid(
      'server-imports-only-shared',
      'The server imports from src/ only src/shared and the wire types of the API contract, which both sides speak.',
      '^server/',
      '^src/(?!shared/|core/api/(secretTypes|authTypes)\\.ts$)',
    ),
    forbid(
      'src-never-imports-tooling',
      'The extension never imports the server, the scripts or the tests.',
      '^src/',
      '^(server|scripts|test)/',
    ),
    {
      name: 'no-circular',
      comment: 'No import cycle anywhere.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(out|dist|node_modules)/|^esbuild\\.mjs$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
