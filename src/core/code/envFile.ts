import { parse as parseDotenv } from 'dotenv';
import { PLAIN_VARIABLE_NAME } from '../secretVariable';

/**
 * Reads a `.env` file the way the `dotenv` package does (values, quotes,
 * escapes, comments, `export` prefixes, multi-line quoted values) and also
 * says which lines it could not use, which dotenv silently drops.
 */

/** One `KEY=value` assignment; values are dotenv's, line numbers 0-based. */
export interface EnvEntry {
  key: string;
  value: string;
  /** The line of the key. */
  line: number;
  /** The last line of the assignment (later than `line` for a multi-line value). */
  endLine: number;
}

/** A line or assignment that cannot become a secret, and why. */
export interface EnvLineProblem {
  line: number;
  key?: string;
  reason: string;
}

/** Every usable assignment in file order (repeated keys included) and every problem. */
export interface ParsedEnvFile {
  entries: EnvEntry[];
  problems: EnvLineProblem[];
}

/**
 * dotenv 16's own line pattern (lib/main.js `LINE`), kept verbatim: dotenv does
 * not say where its matches are, and we need their lines to report what it
 * skipped. `dotenv.parse` still computes every value from the matched text.
 * A unit test checks that the result equals `dotenv.parse` of the whole file.
 */
const DOTENV_LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/gm;

/** Parses `.env` text; CRLF and lone CR line breaks count as line breaks, as in dotenv and VS Code. */
export function parseEnvFile(text: string): ParsedEnvFile {
  const normalized = text.replace(/\r\n?/g, '\n');
  const lineStarts = lineStartOffsets(normalized);
  const covered = new Set<number>();
  const entries: EnvEntry[] = [];
  const problems: EnvLineProblem[] = [];

  for (const match of normalized.matchAll(DOTENV_LINE)) {
    const key = match[1];
    if (key === undefined || match[0].trim() === '') {
      continue;
    }
    const keyOffset = match.index + match[0].indexOf(key);
    const line = lineOf(lineStarts, keyOffset);
    const endLine = lineOf(lineStarts, match.index + match[0].length);
    for (let l = line; l <= endLine; l++) {
      covered.add(l);
    }
    const value = parseDotenv(match[0])[key] ?? '';
    if (!PLAIN_VARIABLE_NAME.test(key)) {
      problems.push({
        line,
        key,
        reason: `${key} is not a valid variable name (letters, digits and _ only, not starting with a digit)`,
      });
    } else if (value === '') {
      problems.push({ line, key, reason: `${key} has an empty value (a secret needs a value)` });
    } else {
      entries.push({ key, value, line, endLine });
    }
  }

  normalized.split('\n').forEach((content, line) => {
    const trimmed = content.trim();
    if (!covered.has(line) && trimmed !== '' && !trimmed.startsWith('#')) {
      problems.push({ line, reason: 'not a KEY=VALUE assignment' });
    }
  });
  problems.sort((a, b) => a.line - b.line);
  return { entries, problems };
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    starts.push(i + 1);
  }
  return starts;
}

/** The 0-based line that holds `offset`. */
function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return low;
}
