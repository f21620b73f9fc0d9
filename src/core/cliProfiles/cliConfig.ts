import type { CliConfigResult } from './cliConfigTypes';

export type { CliConfig, CliConfigResult, CliCredentialStore, CliFileCredentials, CliProfile } from './cliConfigTypes';

type CliConfigParserModule = typeof import('./cliConfigParser');

let parserModule: CliConfigParserModule | undefined;

/**
 * Parses the text of the Fluxbase CLI's `config.yaml` (src/core/cliProfiles/cliConfigParser.ts).
 * The YAML parser is loaded on the first call: a require at first use, not an import, which
 * esbuild.mjs maps to the separate bundle dist/yaml.js, so activation does not load it.
 */
export function parseCliConfig(text: string, file: string): CliConfigResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parserModule ??= require('./cliConfigParser') as CliConfigParserModule;
  return parserModule.parseCliConfigText(text, file);
}
