/**
 * `npm run server -- keys …`: reads the subcommand and its flags, runs it and
 * answers with an exit code: 0 done, 2 bad input (nothing changed), 1 any
 * other failure. Each subcommand accepts only its own flags.
 */
import type { Clock } from '../clock';
import { DEFAULT_DATA_DIR } from '../config/envConfig';
import { InputError, parseArgs } from './cliArgs';
import { CommandOutput, createServiceKey, listServiceKeys, revokeServiceKey } from './keysCommand';

/** The usage lines of the key commands. */
export const KEYS_USAGE = `  npm run server -- keys create --data DIR --scopes read:secrets,write:secrets [--name NAME] [--expires 30d|12h|1w|1y|ISO-TIME]
  npm run server -- keys list --data DIR
  npm run server -- keys revoke --data DIR ID-OR-NAME
`;

/** Exit code of bad input. */
export const EXIT_BAD_INPUT = 2;

function run(argv: readonly string[], output: CommandOutput, clock: Clock | undefined): void {
  const [subcommand, ...rest] = argv;
  if (subcommand === 'create') {
    const { positional, flags } = parseArgs(rest, ['data', 'scopes', 'name', 'expires']);
    noExtraArguments(positional, 0);
    const scopes = flags.get('scopes');
    if (scopes === undefined)
      throw new InputError('keys create needs --scopes, e.g. --scopes read:secrets,write:secrets');
    const dataDir = flags.get('data') ?? DEFAULT_DATA_DIR;
    createServiceKey(dataDir, scopes, flags.get('name') ?? 'local', output, { expires: flags.get('expires'), clock });
  } else if (subcommand === 'list') {
    const { positional, flags } = parseArgs(rest, ['data']);
    noExtraArguments(positional, 0);
    listServiceKeys(flags.get('data') ?? DEFAULT_DATA_DIR, output, { clock });
  } else if (subcommand === 'revoke') {
    const { positional, flags } = parseArgs(rest, ['data']);
    const idOrName = positional[0];
    if (idOrName === undefined || idOrName === '')
      throw new InputError('keys revoke needs the id or name of a key', true);
    noExtraArguments(positional, 1);
    revokeServiceKey(flags.get('data') ?? DEFAULT_DATA_DIR, idOrName, output, { clock });
  } else {
    throw new InputError('keys needs a subcommand: create, list or revoke', true);
  }
}

function noExtraArguments(positional: readonly string[], expected: number): void {
  const extra = positional[expected];
  if (extra !== undefined) throw new InputError(`unexpected argument "${extra}"`, true);
}

/** Runs `keys` with the arguments after the word `keys` and returns the exit code. */
export function runKeysCommand(argv: readonly string[], output: CommandOutput, clock?: Clock): number {
  try {
    run(argv, output, clock);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof InputError && error.showUsage ? `Usage:\n${KEYS_USAGE}` : '';
    output.err(`Error: ${message}\n${usage}`);
    return error instanceof InputError ? EXIT_BAD_INPUT : 1;
  }
}
