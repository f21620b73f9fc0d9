// The esbuild options shared by the scripts that run TypeScript straight from
// a fresh clone (`npm start`, `npm run bench`): a Node 20 CommonJS bundle whose
// npm dependencies stay in node_modules. No esbuild import here, so a script
// can read these before `npm ci` has installed esbuild.

/** esbuild options for a Node script bundle; add entry points and an output. */
export const nodeScriptBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
};
