import type { SecretSummary } from '../api/secretTypes';
import { connectionIdIn, type CommandArgument } from '../commandArgument';
import type { Connection } from '../connections/connection';
import { effectiveVariables, namespacesOf, type EffectiveVariable } from '../explorer/effectiveVariables';
import { firstPlacement } from '../functions/functionTargets';
import { denoReference } from '../secretVariable';
import { UserFacingError } from './commandErrors';
import type { CommandDeps } from './commandDeps';
import { resolveConnection } from './connectionTarget';
import { pickNamespace } from './namespacePick';
import { onConnection } from '../connections/connectionNaming';

const TITLE = 'What Does a Function in a Namespace See?';
/** The namespace functions and jobs run in unless told otherwise (contract §5). */
const DEFAULT_NAMESPACE = 'default';

/**
 * `fluxbaseSecrets.showEffectiveVariables`: lists the variables a function
 * in a namespace receives — global plus namespace secrets, the namespace one
 * winning, expired ones left out, overrides marked — in a quick pick;
 * choosing one copies the code that reads it. From the palette in a
 * function, job or shared module, it opens for that code's first namespace
 * without asking.
 */
export function showEffectiveVariablesCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<EffectiveVariable[]> => {
    // From the palette in a function file: that function's first namespace, without asking.
    const fromFunction = arg.kind === 'none' ? firstPlacement(deps.functions?.activeContext()) : undefined;
    const connection = await resolveConnection(
      deps,
      connectionIdIn(arg) ?? fromFunction?.connectionId,
      'signedIn',
      TITLE,
    );
    const given =
      namespaceOf(arg) ?? (fromFunction?.connectionId === connection.id ? fromFunction.namespace : undefined);
    const namespace =
      given ??
      (await pickNamespace(
        deps.input,
        [...new Set([DEFAULT_NAMESPACE, ...namespacesOf(loadedSecrets(deps, connection))])],
        TITLE,
      ));
    // the secrets as they are once the namespace is chosen: a refresh or a sign-out may have come meanwhile
    const variables = effectiveVariables(loadedSecrets(deps, connection), namespace, deps.clock.now());
    if (variables.length === 0) {
      void deps.notifier.info(`A function in namespace "${namespace}" on "${connection.name}" sees no secret.`);
      return variables;
    }
    const picked = await deps.input.pick(
      variables.map((variable) => ({
        label: variable.variable,
        description: sourceText(variable, namespace),
        ...(variable.secret.description ? { detail: variable.secret.description } : {}),
        value: variable,
      })),
      {
        title: `A function in namespace "${namespace}"${onConnection(connection, deps.registry)} sees ${variables.length} secret variable${variables.length === 1 ? '' : 's'}`,
        placeholder: 'Choose one to copy the code that reads it',
        matchOnDetails: true,
      },
    );
    const reference = denoReference(picked.secret.name);
    await deps.clipboard.writeText(reference);
    void deps.notifier.info(`Copied ${reference}.`);
    return variables;
  };
}

/** The connection's last listed secrets; refused when they are not loaded (signed out, failed, loading). */
function loadedSecrets(deps: Pick<CommandDeps, 'store'>, connection: Connection): readonly SecretSummary[] {
  const state = deps.store.connection(connection.id);
  if (state?.status !== 'ready') {
    throw new UserFacingError(`The secrets of "${connection.name}" are not loaded; refresh and try again.`);
  }
  return state.secrets;
}

function sourceText(variable: EffectiveVariable, namespace: string): string {
  const parts = [variable.secret.scope === 'global' ? 'global' : `namespace ${namespace}`];
  if (variable.overrides) {
    parts.push(`overrides global "${variable.overrides.name}"`);
  }
  if (variable.ambiguousWith.length > 0) {
    parts.push(`ambiguous with "${variable.ambiguousWith.map((secret) => secret.name).join('", "')}"`);
  }
  return `from ${parts.join(' · ')}`;
}

function namespaceOf(arg: CommandArgument): string | undefined {
  return arg.kind === 'treeNode' && arg.node.kind === 'namespace' ? arg.node.namespace : undefined;
}
