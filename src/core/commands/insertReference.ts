import type { CommandArgument } from '../commandArgument';
import { writeSecretName } from '../code/secretNameWriter';
import { UserFacingError } from './commandErrors';
import type { CommandDeps } from './commandDeps';
import { chooseSecretName } from './secretPick';

/**
 * "Insert Secret Reference": the secret of the tree node it was invoked on,
 * or one picked from the palette, inserted at every cursor of the active
 * editor (replacing selections) with the language's reference template.
 */
export function insertReferenceCommand(deps: Pick<CommandDeps, 'catalog' | 'input' | 'editor'>) {
  return async (arg: CommandArgument): Promise<void> => {
    const editor = deps.editor.activeEditor();
    if (!editor) {
      throw new UserFacingError('Open an editor to insert the secret reference into.');
    }
    const name = await chooseSecretName(deps, arg);
    const reference = writeSecretName(name, { kind: 'reference', template: editor.referenceTemplate() });
    const inserted = await editor.replaceSelections(reference);
    if (!inserted) {
      throw new UserFacingError('The editor refused the edit.');
    }
  };
}
