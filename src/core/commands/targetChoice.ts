import type { CommandArgument } from '../commandArgument';
import type { ImportTarget } from '../code/importPlan';
import type { CatalogConnection } from '../explorer/secretCatalog';
import type { CommandDeps } from './commandDeps';
import { resolveConnection } from './connectionTarget';
import { pickNamespace, pickScope } from './namespacePick';
import { requireSignedIn } from './withClient';

/** A connection and a scope (and namespace) of it, chosen for an import or an export. */
export interface ChosenTarget {
  connection: CatalogConnection;
  target: ImportTarget;
}

/** What a command argument already says about the target. */
export interface TargetPreset {
  connectionId?: string;
  target?: ImportTarget;
}

/**
 * The target a command argument names: a secret row's or a SecretRef's
 * scope, the Global row, a namespace row, or only the connection of another
 * row or a prefill. Anything else presets nothing.
 */
export function targetPresetIn(arg: CommandArgument): TargetPreset {
  if (arg.kind === 'secretRef' || (arg.kind === 'treeNode' && arg.node.ref)) {
    const ref = arg.kind === 'secretRef' ? arg.ref : arg.node.ref!;
    return {
      connectionId: ref.connectionId,
      target:
        ref.scope === 'namespace' && ref.namespace !== undefined
          ? { scope: 'namespace', namespace: ref.namespace }
          : { scope: 'global' },
    };
  }
  if (arg.kind === 'treeNode') {
    const { connectionId, kind, scope, namespace } = arg.node;
    if (kind === 'scope' && scope === 'global') {
      return { connectionId, target: { scope: 'global' } };
    }
    if (kind === 'namespace' && namespace !== undefined) {
      return { connectionId, target: { scope: 'namespace', namespace } };
    }
    return connectionId === undefined ? {} : { connectionId };
  }
  if (arg.kind === 'prefill' && arg.prefill.connectionId !== undefined) {
    return { connectionId: arg.prefill.connectionId };
  }
  return {};
}

/**
 * Completes a preset by asking: which signed-in connection (unless there is
 * only one), then Global or a namespace (an existing one of that connection,
 * or a new one).
 */
export async function chooseTarget(
  deps: Pick<CommandDeps, 'catalog' | 'input' | 'registry' | 'store'>,
  preset: TargetPreset,
  title: string,
): Promise<ChosenTarget> {
  // The one connection picker, as every command asks; the target must be signed in.
  const chosen = await resolveConnection(deps, preset.connectionId, 'signedIn', title);
  requireSignedIn(deps, chosen);
  const connection: CatalogConnection = { id: chosen.id, name: chosen.name };
  if (preset.target) {
    return { connection, target: preset.target };
  }
  const scope = await pickScope(deps.input, { title, placeholder: 'Choose the scope', namespaceLabel: 'Namespace…' });
  if (scope === 'global') {
    return { connection, target: { scope: 'global' } };
  }
  const namespaces = [
    ...new Set(
      deps.catalog
        .entries()
        .filter((e) => e.connectionId === connection.id && e.secret.namespace !== undefined)
        .map((e) => e.secret.namespace as string),
    ),
  ].sort();
  return { connection, target: { scope: 'namespace', namespace: await pickNamespace(deps.input, namespaces, title) } };
}

/** `global scope` or `namespace payments`, for messages and headings. */
export function describeTarget(target: ImportTarget): string {
  return target.scope === 'global' ? 'global scope' : `namespace ${target.namespace}`;
}
