import { SECRET_VARIABLE_PREFIX } from '../secretVariable';
import { findStringLiterals, type StringLiteral } from './stringLiterals';

/**
 * Finds where code reads an environment variable that a Fluxbase secret may
 * provide: the string argument of `Deno.env.get(…)` (any quote style, a
 * template literal only without substitutions) and any other string literal
 * whose value starts with `FLUXBASE_SECRET_`.
 */

/** How a reference was written. */
export type ReferenceKind = 'denoEnvGet' | 'prefixedString';

/** One reference, with offsets into the scanned text. */
export interface SecretReference {
  kind: ReferenceKind;
  /** The environment variable it reads, escapes resolved. */
  variable: string;
  /** The literal that holds it (offsets of its quotes and of its content). */
  literal: StringLiteral;
}

const DENO_ENV_GET_BEFORE = /\bDeno\s*\.\s*env\s*\.\s*get\s*\(\s*$/;
/** Long enough for `Deno . env . get (` with generous spacing. */
const LOOK_BEHIND = 200;

/** True when the code just before `literal` is `Deno.env.get(`. */
export function isDenoEnvGetArgument(text: string, literal: StringLiteral): boolean {
  return DENO_ENV_GET_BEFORE.test(text.slice(Math.max(0, literal.start - LOOK_BEHIND), literal.start));
}

/** Classifies one literal; undefined when it is not a reference (an unterminated literal is still being typed). */
export function referenceOf(text: string, literal: StringLiteral): SecretReference | undefined {
  if (literal.value === undefined || !literal.terminated) {
    return undefined;
  }
  if (isDenoEnvGetArgument(text, literal)) {
    return { kind: 'denoEnvGet', variable: literal.value, literal };
  }
  if (literal.value.startsWith(SECRET_VARIABLE_PREFIX)) {
    return { kind: 'prefixedString', variable: literal.value, literal };
  }
  return undefined;
}

/** Every reference in `text`, in order. */
export function scanSecretReferences(text: string): SecretReference[] {
  const references: SecretReference[] = [];
  for (const literal of findStringLiterals(text)) {
    const reference = referenceOf(text, literal);
    if (reference) {
      references.push(reference);
    }
  }
  return references;
}

/** The reference whose string content contains `offset` (inclusive of both ends). */
export function referenceAt(text: string, offset: number): SecretReference | undefined {
  return scanSecretReferences(text).find(
    (reference) => reference.literal.contentStart <= offset && offset <= reference.literal.contentEnd,
  );
}
