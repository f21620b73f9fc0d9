import { GLOBAL_SCOPE_REACH } from '../../shared/scopeWording';
import { SignInRequiredError } from '../commands/commandErrors';
import { pickNamespace } from '../commands/namespacePick';
import { isSecretRef } from '../explorer/secretRef';
import type { UserInput } from '../userInput';
import type { ImportTarget } from './importPlan';
import type { CatalogConnection, SecretCatalog } from './secretCatalog';

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
 * Reads the target from a command argument: an explorer node (`scope` with
 * `scope: 'global'`, `namespace`, `secret` with its `ref`), a SecretRef, or
 * any object with a `connectionId`. Anything else presets nothing.
 */
export function targetPresetOf(arg: unknown): TargetPreset {
  if (typeof arg !== 'object' || arg === null) {
    return {};
  }
  const node = arg as Record<string, unknown>;
  const ref = isSecretRef(arg) ? arg : isSecretRef(node.ref) ? node.ref : undefined;
  if (ref) {
    return {
      connectionId: ref.connectionId,
      target:
        ref.scope === 'namespace' && ref.namespace !== undefined
          ? { scope: 'namespace', namespace: ref.namespace }
          : { scope: 'global' },
    };
  }
  const connectionId = typeof node.connectionId === 'string' ? node.connectionId : undefined;
  if (node.kind === 'scope' && node.scope === 'global') {
    return { connectionId, target: { scope: 'global' } };
  }
  if (node.kind === 'namespace' && typeof node.namespace === 'string') {
    return { connectionId, target: { scope: 'namespace', namespace: node.namespace } };
  }
  return connectionId === undefined ? {} : { connectionId };
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
      { label: 'Global', description: GLOBAL_SCOPE_REACH, value: 'global' as const },
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
