import type { JsQuote } from '../jsString';
import { SECRET_VARIABLE_PREFIX } from '../secretVariable';
import { isDenoEnvGetArgument } from './referenceScanner';
import { writeSecretName } from './secretNameWriter';
import { findStringLiterals, stringLiteralAt } from './stringLiterals';

/** Where variable completions apply: the whole content of the string the cursor is in. */
export interface VariableCompletionContext {
  /** Offset of the first character inside the quotes. */
  contentStart: number;
  /** Offset of the closing quote (or of the end of an unterminated string). */
  contentEnd: number;
  /** What is already typed between the opening quote and the cursor. */
  typed: string;
}

/**
 * Whether completing secret variables makes sense at `offset`: inside the
 * string argument of `Deno.env.get(` (either quote style, or a template
 * literal without substitutions), or inside any string whose content starts
 * with `FLUXBASE_SECRET_`.
 */
export function variableCompletionContext(text: string, offset: number): VariableCompletionContext | undefined {
  const literal = stringLiteralAt(findStringLiterals(text), offset);
  if (!literal || literal.hasSubstitutions) {
    return undefined;
  }
  const content = text.slice(literal.contentStart, literal.contentEnd);
  if (!isDenoEnvGetArgument(text, literal) && !content.startsWith(SECRET_VARIABLE_PREFIX)) {
    return undefined;
  }
  return {
    contentStart: literal.contentStart,
    contentEnd: literal.contentEnd,
    typed: text.slice(literal.contentStart, offset),
  };
}

/**
 * What completing the secret `name` writes over the string content of
 * `context` in `text`: its variable, escaped for that string's quote.
 */
export function completionInsertText(text: string, context: VariableCompletionContext, name: string): string {
  return writeSecretName(name, { kind: 'stringContent', quote: completionQuote(text, context) });
}

/** The quote that opens the string of `context` in `text`: the character just before its content. */
export function completionQuote(text: string, context: VariableCompletionContext): JsQuote {
  const quote = text[context.contentStart - 1];
  if (quote !== '"' && quote !== "'" && quote !== '`') {
    throw new Error('A completion context starts after a quote');
  }
  return quote;
}
