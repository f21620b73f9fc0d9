import type { CodeRange, CommandArgument } from '../commandArgument';
import { secretVariableName } from '../secretVariable';
import type { CommandDeps } from './commandDeps';
import { resolveSecretRef } from './secretTarget';

/**
 * `fluxbaseSecrets.findReferences`: from a secret's row (or a picked
 * secret), opens the references view on every place in the workspace that
 * reads its variable; says so when nothing does. Resolves to the places.
 */
export function findReferencesCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<CodeRange[]> => {
    const ref = await resolveSecretRef(deps, arg, 'Find References');
    const references = deps.references;
    if (!references) {
      throw new Error('there is no workspace folder to search; open a folder first');
    }
    const variable = secretVariableName(ref.name);
    const locations = await references.locate(variable);
    if (locations.length === 0) {
      void deps.notifier.info(`No reference to ${variable} in this workspace.`);
      return [];
    }
    await references.show(variable, locations);
    return locations;
  };
}
