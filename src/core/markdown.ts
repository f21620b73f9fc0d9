/**
 * The one place that writes Markdown for tooltips and hovers. Server text
 * (names, namespaces, descriptions, author ids) and connection names are
 * hostile: they only ever reach Markdown through `escapeMarkdown` (every
 * ASCII punctuation character backslash-escaped) or `codeSpan`, both of which
 * also flatten the text onto one line, so no server text can start a block,
 * a link, an image or HTML.
 */

/** Every line terminator of CommonMark, JavaScript and Unicode (CR, LF, NEL, LS, PS). */
const LINE_TERMINATORS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Every ASCII punctuation character: CommonMark lets a backslash escape each one. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/** The characters `encodeURIComponent` leaves that a Markdown link destination must not see raw. */
const UNRESERVED_MARKS = /[!'()*]/g;

/** Command ids are ours, but a link must never carry one that could end it early. */
const COMMAND_ID = /^[A-Za-z][\w.-]*$/;

/** `text` on one line: each line terminator becomes a space. */
export function oneLine(text: string): string {
  return text.replace(LINE_TERMINATORS, ' ');
}

/** Escapes text so that Markdown shows it literally (no links, images, emphasis, HTML or entities), on one line. */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(ASCII_PUNCTUATION, '\\$&');
}

/**
 * A code span that holds `text` literally, on one line: the fence is longer
 * than the longest run of backticks inside, and a space pads the content when
 * it starts or ends with a backtick, or starts and ends with a space (CommonMark
 * strips one such space on each side). Empty text shows as one space.
 */
export function codeSpan(text: string): string {
  const content = oneLine(text) || ' ';
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const strippable = content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '';
  const pad = content.startsWith('`') || content.endsWith('`') || strippable ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * A Markdown link that runs `command` with `args` where the markdown is
 * trusted for that command. The arguments are JSON, percent-encoded in full
 * (parentheses and quotes included, so no text in them can end the link);
 * label and title are escaped text.
 */
export function commandLink(label: string, command: string, args: readonly unknown[], title?: string): string {
  if (!COMMAND_ID.test(command)) {
    throw new Error(`Not a command id: ${JSON.stringify(command)}`);
  }
  const query = encodeURIComponent(JSON.stringify(args)).replace(
    UNRESERVED_MARKS,
    (mark) => `%${mark.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const tooltip = title === undefined ? '' : ` "${escapeMarkdown(title)}"`;
  return `[${escapeMarkdown(label)}](command:${command}?${query}${tooltip})`;
}
