import { jsStringLiteral } from './jsString';

/**
 * How function code sees a secret (contract §5): a secret named `N` becomes
 * the environment variable `FLUXBASE_SECRET_` + upper-case(N); a name that
 * already starts with `FLUXBASE_` is used unchanged.
 */

/** A variable name that shells, `.env` files and code templates all take as it is, with no escaping. */
export const PLAIN_VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The prefix the runtime puts before a secret's upper-cased name. */
export const SECRET_VARIABLE_PREFIX = 'FLUXBASE_SECRET_';

/** The environment variable that function code reads for the secret `name`. */
export function secretVariableName(name: string): string {
  return name.startsWith('FLUXBASE_') ? name : SECRET_VARIABLE_PREFIX + name.toUpperCase();
}

/** The Deno expression that reads the secret `name` in an edge function; the variable is one escaped string literal. */
export function denoReference(name: string): string {
  return `Deno.env.get(${jsStringLiteral(secretVariableName(name))})`;
}
