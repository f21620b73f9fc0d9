import * as vscode from 'vscode';
import type { ActiveFunctionPort } from '../../core/functions/functionNamespaceCommands';
import { placeOf, type FunctionContexts } from './functionContexts';
import { readNamespaceMapping, writeNamespaceMapping } from './functionSettings';

/** The commands' view of the active editor's function or job, over the function contexts and the settings. */
export function activeFunctionPort(contexts: FunctionContexts): ActiveFunctionPort {
  return {
    contextOf: (uri) => contexts.contextFor(vscode.Uri.parse(uri)),
    activeContext: () => {
      const uri = vscode.window.activeTextEditor?.document.uri;
      return uri ? contexts.contextFor(uri) : undefined;
    },
    activeFunction: async () => {
      const uri = vscode.window.activeTextEditor?.document.uri;
      const place = uri ? placeOf(uri) : undefined;
      if (!uri || !place) {
        return undefined;
      }
      await contexts.ready(uri);
      const unit = contexts.unitFor(uri);
      if (!unit || (unit.kind !== 'function' && unit.kind !== 'job')) {
        return undefined;
      }
      return {
        unit,
        readMapping: () => readNamespaceMapping(place.folder),
        writeMapping: (mapping) => writeNamespaceMapping(place.folder, mapping),
      };
    },
  };
}
