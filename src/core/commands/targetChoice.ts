import type { CommandArgument } from '../commandArgument';
import type { ImportTarget } from '../code/importPlan';
import type { CatalogConnection, SecretCatalog } from '../explorer/secretCatalog';
import type { UserInput } from '../userInput';
import { SignInRequiredError } from './commandErrors';
import { pickNamespace } from './namespacePick';

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
  deps: { catalog: SecretCatalog; input: UserInput },
  preset: TargetPreset,
  title: string,
): Promise<ChosenTarget> {
  const connections = deps.catalog.connections();
  const connection = await chooseConnection(deps.input, connections, preset.connectionId, title);
  if (preset.target) {
    return { connection, target: preset.target };
  }
  const scope = await deps.input.pick(
    [
      { label: 'Global', description: 'every function and job', value: 'global' as const },
      { label: 'Namespace…', description: 'the functions and jobs of one namespace', value: 'namespace' as const },
    ],
    { title, placeholder: 'Choose the scope' },
  );
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

async function chooseConnection(
  input: UserInput,
  connections: readonly CatalogConnection[],
  presetId: string | undefined,
  title: string,
): Promise<CatalogConnection> {
  if (presetId !== undefined) {
    const preset = connections.find((c) => c.id === presetId);
    if (!preset) {
      throw new SignInRequiredError();
    }
    return preset;
  }
  const [only, ...others] = connections;
  if (!only) {
    throw new SignInRequiredError();
  }
  if (others.length === 0) {
    return only;
  }
  return input.pick(
    connections.map((c) => ({ label: c.name, value: c })),
    { title, placeholder: 'Choose a connection' },
  );
}

/** `global scope` or `namespace payments`, for messages and headings. */
export function describeTarget(target: ImportTarget): string {
  return target.scope === 'global' ? 'global scope' : `namespace ${target.namespace}`;
}
