import { UserFacingError } from '../userFacingError';
import { jsStringContent, type JsQuote } from '../jsString';
import { denoReference, PLAIN_VARIABLE_NAME, secretVariableName } from '../secretVariable';

/**
 * Where a secret's name is written into a document. Names come from the
 * server and are hostile: every feature that writes one (insert reference,
 * completion, extract, the `.env` templates) goes through `writeSecretName`.
 *
 * - `reference` without a template: Deno's `Deno.env.get("…")`, the variable
 *   as one escaped string literal.
 * - `reference` with the language's template setting: we cannot know what
 *   the template's code makes of the text, so only plain names are written.
 * - `stringContent`: the variable inside a string literal that is already
 *   there (completion), escaped for its quote.
 * - `envKey`: the variable as a `.env` key, which has no escapes: plain names only.
 */
export type NameDestination =
  { kind: 'reference'; template?: string | undefined } | { kind: 'stringContent'; quote: JsQuote } | { kind: 'envKey' };

/** What a name must look like where a template writes it as it is. */
const PLAIN_NAME = /^[A-Za-z0-9_]+$/;

/** A name that cannot be written where it was asked for; the message names the secret. */
export class UnwritableNameError extends UserFacingError {
  constructor(
    readonly secretName: string,
    where: string,
  ) {
    super(
      `Secret ${quotedSecretName(secretName)} cannot be written ${where}: only names of letters, digits and _ ` +
        `can be written there; its variable is ${quotedSecretName(secretVariableName(secretName))}.`,
    );
  }
}

/**
 * The text that writes the secret `name` (its variable `FLUXBASE_SECRET_…`,
 * or the name itself unchanged when it starts with `FLUXBASE_`, contract §5)
 * at `destination`: escaped, or refused with an `UnwritableNameError`.
 */
export function writeSecretName(name: string, destination: NameDestination): string {
  const variable = secretVariableName(name);
  switch (destination.kind) {
    case 'reference': {
      if (destination.template === undefined) {
        return denoReference(name);
      }
      if (!PLAIN_VARIABLE_NAME.test(variable) || !PLAIN_NAME.test(name)) {
        throw new UnwritableNameError(
          name,
          "by this language's reference template, setting fluxbaseSecrets.referenceTemplates",
        );
      }
      return destination.template.replace(/\$\{(variable|name)\}/g, (_match, key: string) =>
        key === 'variable' ? variable : name,
      );
    }
    case 'stringContent':
      return jsStringContent(variable, destination.quote);
    case 'envKey':
      if (!PLAIN_VARIABLE_NAME.test(variable)) {
        throw new UnwritableNameError(name, 'as a .env key');
      }
      return variable;
  }
}

/**
 * A secret's name in quotes for a message: JSON escapes make quotes and line breaks
 * visible, and the characters of Markdown links are escaped too, because
 * notifications turn `[text](link)` into links.
 */
export function quotedSecretName(name: string): string {
  return JSON.stringify(name).replace(
    /[[\]()<>\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
