/**
 * The extension's version as the client reports it in `User-Agent`. Kept equal
 * to `version` in package.json by a unit test (test/unit/client/version.test.ts),
 * because neither tsc's CommonJS output nor the esbuild bundle can read the
 * manifest at run time without shipping it next to the code.
 */
export const CLIENT_VERSION = '0.1.0';

/** The `User-Agent` a client sends unless told otherwise. */
export const DEFAULT_USER_AGENT = `fluxbase-secrets-vscode/${CLIENT_VERSION}`;
