/**
 * The history page's first state, carried in its HTML instead of a message:
 * the host writes it into `<script type="application/json">` (a data block,
 * never run, so the CSP stays as it is) and the page draws it before it says
 * `ready`, without a round trip: what the host knows as it opens the panel
 * (the secret being loaded, or signed out). It is server text inside HTML, so the
 * host escapes every character that could end the block or start markup, and
 * the page parses it with `JSON.parse` and puts it through the same guard as
 * a message: what fails is ignored and the page waits for the host's message.
 *
 * Imported by the host and by the browser bundle, so no `vscode` and no Node
 * built-ins.
 */
import { isHostToWebviewMessage, type HostToWebviewMessage } from './historyProtocol';

/** The id of the data block in the page's HTML. */
export const INLINE_MESSAGE_ELEMENT_ID = 'first-state';

/** A state the host may inline: any message but a notice (a notice is news, not a state). */
export type InlineHistoryMessage = Exclude<HostToWebviewMessage, { type: 'notice' }>;

const ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * The JSON text of `message` for the data block: with `<`, `>`, `&`, U+2028
 * and U+2029 written as `\u` escapes, so no `</script`, `<!--` or entity can
 * appear in it, and `JSON.parse` gives back exactly `message`.
 */
export function encodeInlineMessage(message: InlineHistoryMessage): string {
  return JSON.stringify(message).replace(/[<>&\u2028\u2029]/g, (character) => ESCAPES[character] ?? character);
}

/** The state in a data block's text, or undefined when it is missing, not JSON, or fails the protocol's guard. */
export function decodeInlineMessage(text: string | null | undefined): InlineHistoryMessage | undefined {
  if (text === null || text === undefined || text.trim() === '') {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isHostToWebviewMessage(value) && value.type !== 'notice' ? value : undefined;
}
