/** A small parser for `--name value` and `--name=value` flags. */

/**
 * Bad command-line input (an unknown flag, a bad value, an unknown key): the
 * `keys` commands exit with code 2 and change nothing. `showUsage` asks for
 * the usage text after the message.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Positional words and flag values. */
export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string>;
}

/** Parses argv; throws an InputError on a flag without a value or one not in `known`. */
export function parseArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (!known.includes(name)) throw new InputError(`unknown option --${name}`, true);
    let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
    if (value === undefined) {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      throw new InputError(`--${name} needs a value`, true);
    }
    flags.set(name, value);
  }
  return { positional, flags };
}
