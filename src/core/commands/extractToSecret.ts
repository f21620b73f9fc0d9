import type { CommandArgument, CreateSecretPrefill } from '../commandArgument';
import { describeRefusal, planExtraction } from '../code/extraction';
import { UnwritableNameError, writeSecretName } from '../code/secretNameWriter';
import { functionCreatePrefill } from '../functions/functionTargets';
import { UserFacingError } from './commandErrors';
import type { CommandDeps } from './commandDeps';
import type { CreateSecretResult } from './createSecret';
import type { EditorDocument } from './hostPorts';

/** The create flow as extract starts it: resolves to what was created, undefined when cancelled or failed (and reported). */
export type CreateSecretFlow = (prefill: CreateSecretPrefill) => Promise<CreateSecretResult | undefined>;

/**
 * "Move to Fluxbase secret…": takes the string literal (or selection) of the
 * code action's range or of the active editor, starts the create flow with
 * the suggested name and the literal's value (in a function with one
 * namespace, that namespace too), and when a secret was created
 * replaces the literal with its reference in one undoable edit. If creating
 * is cancelled or fails, the code stays as it was. The value is passed to the
 * create flow only, never logged.
 */
export function extractToSecretCommand(
  deps: Pick<CommandDeps, 'editor' | 'logger' | 'functions'>,
  createSecret: CreateSecretFlow,
) {
  return async (arg: CommandArgument): Promise<void> => {
    const document = await documentOf(deps, arg);
    const plan = planExtraction(document.text(), document.selection.start, document.selection.end);
    if (typeof plan === 'string') {
      throw new UserFacingError(describeRefusal(plan));
    }
    const literal = document.track(plan.start, plan.end);
    // In a function with one namespace (and one connection), the secret goes there without asking.
    const functionContext =
      arg.kind === 'codeRange' ? deps.functions?.contextOf(arg.range.uri) : deps.functions?.activeContext();
    const prefill: CreateSecretPrefill = {
      value: plan.value,
      ...(plan.suggestedName ? { name: plan.suggestedName, nameSuggested: true } : {}),
      ...functionCreatePrefill(functionContext),
      origin: 'code',
    };
    const created = await createSecret(prefill);
    if (!created) {
      deps.logger.debug('fluxbaseSecrets.extractToSecret: no secret created; the code is unchanged');
      return;
    }
    // the name the person chose, never the one the server answered with
    const { name } = created;
    if (!literal.unchanged()) {
      throw new UserFacingError(
        `Secret ${name} was created, but the code changed meanwhile: insert its reference with "Fluxbase Secrets: Insert Secret Reference".`,
      );
    }
    const reference = referenceOrExplain(name, document.referenceTemplate());
    if (!(await literal.replace(reference))) {
      throw new UserFacingError(
        `Secret ${name} was created, but the editor refused the edit: insert its reference yourself.`,
      );
    }
    deps.logger.info(`Moved a hard-coded value in ${document.label} to secret ${name}`);
  };
}

/** The reference of the new secret; a name the template cannot take is refused, saying the secret exists. */
function referenceOrExplain(name: string, template: string | undefined): string {
  try {
    return writeSecretName(name, { kind: 'reference', template });
  } catch (error) {
    if (error instanceof UnwritableNameError) {
      throw new UserFacingError(`The secret was created, but its reference was not inserted. ${error.message}`);
    }
    throw error;
  }
}

async function documentOf(deps: Pick<CommandDeps, 'editor'>, arg: CommandArgument): Promise<EditorDocument> {
  if (arg.kind === 'codeRange') {
    return deps.editor.openRange(arg.range);
  }
  const active = deps.editor.activeDocument();
  if (!active) {
    throw new UserFacingError('Open the file and put the cursor in the hard-coded string first.');
  }
  return active;
}
