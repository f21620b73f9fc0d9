import { suggestSecretName } from './nameSuggestion';
import { referenceOf } from './referenceScanner';
import { findStringLiterals, stringLiteralAt, type StringLiteral } from './stringLiterals';

/** What "Move to Fluxbase secret…" replaces, with which value, and the name it suggests. */
export interface Extraction {
  /** Offsets of the text to replace by the reference (a literal with its quotes, or the selection). */
  start: number;
  end: number;
  value: string;
  suggestedName: string | undefined;
}

/** Why nothing can be extracted at the cursor or selection. */
export type ExtractionRefusal =
  'noLiteral' | 'alreadyReference' | 'partOfLiteral' | 'templateWithSubstitutions' | 'empty';

/** How much code before the literal the name suggestion reads. */
const CONTEXT_BEFORE = 200;

/**
 * Decides what to extract from `text` for the selection `start`–`end`: with
 * an empty selection, the string literal the cursor is in or touches; a
 * selection of a whole literal or of its whole content (surrounding spaces
 * ignored) takes the literal with its quotes; a selection that touches no
 * literal is taken as the value itself. Part of a
 * literal, a template with substitutions, an empty value or a literal that
 * already names a secret variable cannot be extracted.
 */
export function planExtraction(text: string, start: number, end: number): Extraction | ExtractionRefusal {
  const literals = findStringLiterals(text);
  let literal: StringLiteral | undefined;
  if (start === end) {
    literal = stringLiteralAt(literals, start) ?? lastMatching(literals, (l) => l.start <= start && start <= l.end);
    if (!literal) {
      return 'noLiteral';
    }
  } else {
    const selected = text.slice(start, end);
    const trimmed = selected.trim();
    if (trimmed === '') {
      return 'empty';
    }
    const from = start + selected.indexOf(trimmed);
    const to = from + trimmed.length;
    literal = lastMatching(
      literals,
      (l) => (l.start === from && l.end === to) || (l.contentStart === from && l.contentEnd === to),
    );
    if (!literal) {
      if (literals.some((l) => l.start < to && from < l.end)) {
        return 'partOfLiteral';
      }
      return { start: from, end: to, value: trimmed, suggestedName: suggestBefore(text, from) };
    }
  }
  if (!literal.terminated) {
    return 'partOfLiteral';
  }
  if (literal.value === undefined) {
    return 'templateWithSubstitutions';
  }
  if (literal.value === '') {
    return 'empty';
  }
  if (referenceOf(text, literal)) {
    return 'alreadyReference';
  }
  return {
    start: literal.start,
    end: literal.end,
    value: literal.value,
    suggestedName: suggestBefore(text, literal.start),
  };
}

/** The innermost (last listed) literal that matches. */
function lastMatching(
  literals: readonly StringLiteral[],
  predicate: (literal: StringLiteral) => boolean,
): StringLiteral | undefined {
  return literals.filter(predicate).pop();
}

function suggestBefore(text: string, offset: number): string | undefined {
  return suggestSecretName(text.slice(Math.max(0, offset - CONTEXT_BEFORE), offset));
}

/** A sentence for the person when nothing can be extracted. */
export function describeRefusal(refusal: ExtractionRefusal): string {
  switch (refusal) {
    case 'noLiteral':
      return 'Put the cursor in a string literal, or select the hard-coded value, to move it to a Fluxbase secret.';
    case 'alreadyReference':
      return 'This string already names a secret variable.';
    case 'partOfLiteral':
      return 'Select the whole string literal (or put the cursor in it) to move it to a Fluxbase secret.';
    case 'templateWithSubstitutions':
      return 'A template literal with ${…} substitutions cannot be moved to a secret.';
    case 'empty':
      return 'An empty value cannot be moved to a secret.';
  }
}
