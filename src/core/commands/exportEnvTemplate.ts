import type { CommandArgument } from '../commandArgument';
import { buildEnvTemplate } from '../code/envTemplate';
import { isInTarget } from '../code/importPlan';
import { quotedSecretName, UnwritableNameError } from '../code/secretNameWriter';
import { confirm, UserCancelledError } from '../userInput';
import { UserFacingError } from './commandErrors';
import type { CommandDeps } from './commandDeps';
import type { WorkspaceFile } from './hostPorts';
import { chooseTarget, describeTarget, targetPresetIn } from './targetChoice';

/** What the export command needs of the one deps object. */
export type ExportEnvTemplateDeps = Pick<
  CommandDeps,
  'catalog' | 'registry' | 'store' | 'input' | 'templateOutput' | 'notifier'
>;

/** The file name written to the workspace folder, and suggested by the save dialog. */
export const TEMPLATE_FILE_NAME = '.env.example';

/**
 * The export flow: the scope comes from the tree node it was invoked on, or
 * is asked; the names of that scope's secrets (from the catalog, so no
 * request and never a value) become a `.env.example` template, written to
 * the first workspace folder (after asking before replacing a file there),
 * saved where the person says, or opened as an untitled document.
 */
export function exportEnvTemplateCommand(deps: ExportEnvTemplateDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    const title = 'Export .env Template';
    const { connection, target } = await chooseTarget(deps, targetPresetIn(arg), title);
    const where = `${describeTarget(target)} of ${connection.name}`;
    const secrets = deps.catalog
      .entries()
      .filter((entry) => entry.connectionId === connection.id && isInTarget(entry.secret, target))
      .map(({ secret }) => ({ name: secret.name, description: secret.description }));
    if (secrets.length === 0) {
      throw new UserFacingError(`There is no secret in the ${where}.`);
    }
    const { content, leftOut } = buildEnvTemplate(secrets, `Fluxbase secrets of the ${where}`);
    if (leftOut.length === secrets.length) {
      throw new UnwritableNameError(leftOut[0] ?? '', 'as a .env key');
    }
    if (leftOut.length > 0) {
      const names = leftOut.map(quotedSecretName).join(', ');
      void deps.notifier.warn(`Left out of the template (only letters, digits and _ make a .env key): ${names}.`);
    }
    const inWorkspace = await deps.templateOutput.workspaceFile(TEMPLATE_FILE_NAME);
    const destination = await deps.input.pick<Destination>(
      [
        ...(inWorkspace
          ? [
              {
                label: `Save to ${inWorkspace.label}`,
                description: inWorkspace.exists ? 'asks before replacing it' : 'in the workspace folder',
                value: inWorkspace,
              },
            ]
          : []),
        { label: 'Save As…', value: 'saveAs' },
        { label: 'Open in an Untitled Editor', value: 'untitled' },
      ],
      { title, placeholder: `${secrets.length} names, no values` },
    );
    if (destination === 'untitled') {
      await deps.templateOutput.openUntitled(content);
      return;
    }
    const saved = destination === 'saveAs' ? await saveAs(deps, content) : await replace(deps, destination, content);
    void deps.notifier.info(`Saved the names of the ${where} to ${saved}.`);
  };
}

type Destination = WorkspaceFile | 'saveAs' | 'untitled';

async function saveAs(deps: ExportEnvTemplateDeps, content: string): Promise<string> {
  const saved = await deps.templateOutput.saveAs(TEMPLATE_FILE_NAME, content);
  if (saved === undefined) {
    throw new UserCancelledError();
  }
  return saved;
}

/** Writes the workspace file, asking first when one is there (looked at again: the pick may have stayed open). */
async function replace(deps: ExportEnvTemplateDeps, offered: WorkspaceFile, content: string): Promise<string> {
  const file = (await deps.templateOutput.workspaceFile(TEMPLATE_FILE_NAME)) ?? offered;
  if (file.exists) {
    await confirm(
      deps.input,
      `${file.label} exists. Replace it?`,
      'Its content is replaced by the names of the secrets.',
      'Replace',
    );
  }
  await deps.templateOutput.writeWorkspaceFile(file, content);
  return file.label;
}
