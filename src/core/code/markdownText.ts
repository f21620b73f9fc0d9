/** Escapes text so that Markdown shows it literally (no links, emphasis or HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

/** A Markdown link that runs `commandId` with `args` when the hover or tooltip trusts that command. */
export function commandLink(label: string, commandId: string, args: readonly unknown[], title: string): string {
  // encodeURIComponent leaves parentheses, which would end the Markdown link early
  const query = encodeURIComponent(JSON.stringify(args)).replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `[${escapeMarkdown(label)}](command:${commandId}?${query} "${title.replace(/"/g, "'")}")`;
}
