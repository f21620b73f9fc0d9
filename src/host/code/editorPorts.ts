import * as vscode from 'vscode';
import type { CodeRange } from '../../core/commandArgument';
import type { EditorDocument, EditorPort, TextFile, WorkspaceFiles } from '../../core/commands/hostPorts';
import type { CodeDialogs } from './codeDialogs';
import { referenceTemplateFor } from './codeSettings';
import { rangeOfOffsets } from './textRanges';

/** The editor port over VS Code's text editors and workspace edits. */
export const vscodeEditorPort: EditorPort = {
  activeEditor() {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      return undefined;
    }
    return {
      referenceTemplate: () => referenceTemplateFor(editor.document.languageId, editor.document),
      replaceSelections: async (text) =>
        editor.edit((builder) => {
          for (const selection of editor.selections) {
            builder.replace(selection, text);
          }
        }),
    };
  },

  activeDocument() {
    const editor = vscode.window.activeTextEditor;
    return editor ? editorDocument(editor.document, editor.selection) : undefined;
  },

  async openRange(range: CodeRange) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(range.uri));
    const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    return editorDocument(document, selection);
  },
};

function editorDocument(document: vscode.TextDocument, selection: vscode.Range): EditorDocument {
  return {
    referenceTemplate: () => referenceTemplateFor(document.languageId, document),
    label: vscode.workspace.asRelativePath(document.uri),
    text: () => document.getText(),
    selection: { start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) },
    track(start, end) {
      const range = rangeOfOffsets(document, start, end);
      const original = document.getText(range);
      return {
        unchanged: () => !document.isClosed && document.getText(range) === original,
        replace: async (text) => {
          const edit = new vscode.WorkspaceEdit();
          edit.replace(document.uri, range, text);
          return vscode.workspace.applyEdit(edit);
        },
      };
    },
  };
}

/** The workspace's files over VS Code's documents and file system, with the open dialog of `dialogs`. */
export function workspaceFiles(dialogs: Pick<CodeDialogs, 'openFile'>): WorkspaceFiles {
  return {
    activeDocument() {
      const document = vscode.window.activeTextEditor?.document;
      return document
        ? { uri: document.uri.toString(), fileName: baseName(document.uri), text: document.getText() }
        : undefined;
    },

    async read(uri: string): Promise<TextFile> {
      const parsed = vscode.Uri.parse(uri, true);
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === parsed.toString());
      const text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(parsed));
      return { uri, fileName: baseName(parsed), text };
    },

    firstFolder: () => vscode.workspace.workspaceFolders?.[0]?.uri.toString(),

    async openFile({ title, openLabel, defaultUri }) {
      const picked = await dialogs.openFile({
        title,
        openLabel,
        ...(defaultUri === undefined ? {} : { defaultUri: vscode.Uri.parse(defaultUri, true) }),
      });
      return picked?.toString();
    },
  };
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
