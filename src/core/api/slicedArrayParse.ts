/**
 * Parses a JSON array and checks every item with a guard, in slices that yield
 * to the event loop between them, so that a list of 50,000 secrets (11.6 MiB
 * of JSON) does not hold the extension host for one long `JSON.parse`. The
 * result, and what is accepted, are exactly those of `JSON.parse(text)`
 * followed by `arrayOf(item)`: each slice's items are parsed by `JSON.parse`
 * itself, and the text between them (the brackets, commas and whitespace) is
 * checked here.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Guard } from './responseGuards';

/** Items parsed per slice: about 230 KiB of list JSON, a few ms on an idle machine. */
export const ITEMS_PER_SLICE = 1000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Why the text is not a JSON array of items the guard accepts. */
export class NotAGuardedArray extends Error {}

function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The index after JSON whitespace from `index`. */
function skipWhitespace(text: string, index: number): number {
  while (index < text.length && isJsonWhitespace(text.charCodeAt(index))) index++;
  return index;
}

/** The index after the string whose opening quote is at `index`. */
function skipString(text: string, index: number): number {
  let end = text.indexOf('"', index + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end + 1;
    end = text.indexOf('"', end + 1);
  }
  throw new NotAGuardedArray('unterminated string');
}

/**
 * From `index` (the start of an item), the index of the comma or closing bracket
 * that ends it at the array's own depth. Nesting is only counted here; whether
 * the item is valid JSON is for `JSON.parse`.
 */
function itemEnd(text: string, index: number): number {
  let depth = 0;
  for (let i = index; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = skipString(text, i);
      continue;
    }
    if (code === OPEN_BRACE || code === OPEN_BRACKET) depth++;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth === 0) {
        if (code === CLOSE_BRACKET) return i;
        throw new NotAGuardedArray('unbalanced');
      }
      depth--;
    } else if (code === COMMA && depth === 0) return i;
    i++;
  }
  throw new NotAGuardedArray('unterminated array');
}

/**
 * `JSON.parse(text)` when it is an array every item of which `item` accepts,
 * parsed and checked `itemsPerSlice` items at a time with a turn of the event
 * loop between slices; rejects with NotAGuardedArray (or the SyntaxError of
 * `JSON.parse`) otherwise.
 */
export async function parseGuardedArray<T>(
  text: string,
  item: Guard<T>,
  itemsPerSlice: number = ITEMS_PER_SLICE,
): Promise<T[]> {
  let index = skipWhitespace(text, 0);
  if (text.charCodeAt(index) !== OPEN_BRACKET) throw new NotAGuardedArray('not an array');
  index = skipWhitespace(text, index + 1);
  const items: T[] = [];
  if (text.charCodeAt(index) === CLOSE_BRACKET) {
    return finish(text, index, items);
  }
  for (;;) {
    // one slice: up to itemsPerSlice items, the text from `index` up to their end parsed as one array
    const start = index;
    let end = index;
    let count = 0;
    let closed = false;
    while (count < itemsPerSlice) {
      end = itemEnd(text, end);
      count++;
      if (text.charCodeAt(end) === CLOSE_BRACKET) {
        closed = true;
        break;
      }
      end++; // past the comma
    }
    const slice = closed ? text.slice(start, end) : text.slice(start, end - 1);
    const parsed = JSON.parse(`[${slice}]`) as unknown[];
    if (parsed.length !== count) throw new NotAGuardedArray('an item is missing');
    for (const entry of parsed) {
      if (!item(entry)) throw new NotAGuardedArray('an item the guard refuses');
      items.push(entry);
    }
    if (closed) return finish(text, end, items);
    index = end;
    await nextTurn();
  }
}

/** The items, when only whitespace follows the closing bracket at `index`. */
function finish<T>(text: string, index: number, items: T[]): T[] {
  if (skipWhitespace(text, index + 1) !== text.length) throw new NotAGuardedArray('text after the array');
  return items;
}
