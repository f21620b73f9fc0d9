import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './repoRoot';

// Compiled to CommonJS, a plain import() would become require(), which cannot load an ES module on every
// Node this project supports; a Function body keeps the real import().
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/** Loads scripts/<name> (a plain Node ES module, like scripts/ensureInstalled.mjs) into a test. */
export function importScript<T>(name: string): Promise<T> {
  return importModule(pathToFileURL(path.join(repoRoot(), 'scripts', name)).href) as Promise<T>;
}
