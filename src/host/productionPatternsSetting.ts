import * as vscode from 'vscode';
import { DEFAULT_PRODUCTION_PATTERNS, productionPatternsOf } from '../core/connections/productionConnection';

const SECTION = 'fluxbaseSecrets';
const KEY = 'productionPatterns';

/**
 * The `fluxbaseSecrets.productionPatterns` of the user settings. Workspace
 * values are ignored: a cloned repository must not be able to turn off the
 * typed confirmation of deletes on production.
 */
export function userProductionPatterns(): readonly string[] {
  const inspected = vscode.workspace.getConfiguration(SECTION).inspect<unknown>(KEY);
  const value = inspected?.globalValue;
  return value === undefined ? DEFAULT_PRODUCTION_PATTERNS : productionPatternsOf(value);
}
