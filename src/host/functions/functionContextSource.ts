import type * as vscode from 'vscode';
import type { Disposable } from '../../shared/disposable';
import type { FunctionContext } from '../../core/functions/functionNamespaces';

/** What the code providers read about a document's function; FunctionContexts implements it. */
export interface FunctionContextSource {
  /** The function, job or shared module of a document and where it runs; undefined for other files. */
  contextFor(uri: vscode.Uri): FunctionContext | undefined;
  /** Fires when a context may have changed. */
  onDidChange(listener: () => void): Disposable;
}

/** For code that runs without function awareness (no workspace): every file is namespace-agnostic. */
export const noFunctionContexts: FunctionContextSource = {
  contextFor: () => undefined,
  onDidChange: () => ({ dispose: () => undefined }),
};
