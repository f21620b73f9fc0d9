import * as vscode from 'vscode';
import { chooseSecretName } from '../../core/code/referenceSecretChoice';
import type { SecretCatalog } from '../../core/code/secretCatalog';
import { writeSecretName } from '../../core/code/secretNameWriter';
import { UserFacingError } from '../../core/commands/commandErrors';
import type { UserInput } from '../../core/userInput';
import { referenceTemplateFor } from './codeSettings';

/**
 * "Insert Secret Reference": the secret of the tree node it was invoked on,
 * or one picked from the palette, inserted at every cursor of the active
 * editor (replacing selections) with the language's reference template.
 */
export function insertReference(deps: { catalog: SecretCatalog; input: UserInput }) {
  return async (arg?: unknown): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      throw new UserFacingError('Open an editor to insert the secret reference into.');
    }
    const name = await chooseSecretName(deps, arg);
    const { document } = editor;
    const template = referenceTemplateFor(document.languageId, document);
    const reference = writeSecretName(name, { kind: 'reference', template });
    const inserted = await editor.edit((builder) => {
      for (const selection of editor.selections) {
        builder.replace(selection, reference);
      }
    });
    if (!inserted) {
      throw new UserFacingError('The editor refused the edit.');
    }
  };
}
