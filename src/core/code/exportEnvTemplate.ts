import { UserFacingError } from '../commands/commandErrors';
import type { Notifier } from '../commands/hostPorts';
import { UserCancelledError, type UserInput } from '../userInput';
import type { TemplateOutput } from './codePorts';
import { buildEnvTemplate } from './envTemplate';
import { isInTarget } from './importPlan';
import type { SecretCatalog } from './secretCatalog';
import { chooseTarget, describeTarget, targetPresetOf } from './secretTargetChoice';

/** What the export command needs. */
export interface ExportEnvTemplateDeps {
  catalog: SecretCatalog;
  input: UserInput;
  output: TemplateOutput;
  notifier: Notifier;
}

/** The file name the save dialog suggests. */
export const TEMPLATE_FILE_NAME = '.env.example';

/**
 * The export flow: the scope comes from the tree node it was invoked on, or
 * is asked; the names of that scope's secrets (from the catalog, so no
 * request and never a value) become a `.env.example` template, opened as an
 * untitled document or saved where the person says.
 */
export function exportEnvTemplate(deps: ExportEnvTemplateDeps) {
  return async (arg?: unknown): Promise<void> => {
    const title = 'Export .env Template';
    const { connection, target } = await chooseTarget(deps, targetPresetOf(arg), title);
    const where = `${describeTarget(target)} of ${connection.name}`;
    const secrets = deps.catalog
      .entries()
      .filter((entry) => entry.connectionId === connection.id && isInTarget(entry.secret, target))
      .map(({ secret }) => ({ name: secret.name, description: secret.description }));
    if (secrets.length === 0) {
      throw new UserFacingError(`There is no secret in the ${where}.`);
    }
    const content = buildEnvTemplate(secrets, `Fluxbase secrets of the ${where}`);
    const destination = await deps.input.pick(
      [
        { label: 'Open in an Untitled Editor', value: 'untitled' as const },
        { label: `Save as ${TEMPLATE_FILE_NAME}…`, value: 'file' as const },
      ],
      { title, placeholder: `${secrets.length} names, no values` },
    );
    if (destination === 'untitled') {
      await deps.output.openUntitled(content);
      return;
    }
    const saved = await deps.output.saveAs(TEMPLATE_FILE_NAME, content);
    if (saved === undefined) {
      throw new UserCancelledError();
    }
    void deps.notifier.info(`Saved the names of the ${where} to ${saved}.`);
  };
}
