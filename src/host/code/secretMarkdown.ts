import * as vscode from 'vscode';
import { HOVER_COMMANDS } from '../../core/code/hoverContent';

/** Trusted Markdown whose command links may run only the history and update-value commands. */
export function trustedSecretMarkdown(markdown: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(markdown);
  result.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  return result;
}
