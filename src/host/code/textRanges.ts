import * as vscode from 'vscode';

/** The range of `document` between two offsets. */
export function rangeOfOffsets(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}
