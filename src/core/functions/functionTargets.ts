import type { VariableResolution } from '../code/variableResolution';
import { onConnection, type ConfiguredConnections } from '../connections/connectionNaming';
import { namespaceAccess } from './functionAccess';
import type { FunctionContext } from './functionNamespaces';

/** A namespace on a connection where a new secret would reach the function. */
export interface NamespaceTarget {
  connectionId: string;
  connectionName: string;
  namespace: string;
}

/**
 * The namespaces where the code does not get the variable, one "Create in
 * namespace X" each. The `""` namespace is left out: no secret can target it
 * (contract part 2, §4.2), only a global one reaches such a function.
 */
export function namespacesLacking(resolution: VariableResolution, context: FunctionContext): NamespaceTarget[] {
  return namespaceAccess(resolution, context)
    .filter((a) => a.gets === undefined && a.namespace !== '')
    .map(({ connectionId, connectionName, namespace }) => ({ connectionId, connectionName, namespace }));
}

/**
 * The namespace a create for this code starts in on a connection: its only
 * namespace there, so the scope question is skipped. Undefined when it runs
 * in several namespaces, or only in `""` (which sees only global secrets).
 */
export function presetNamespace(context: FunctionContext, connectionId: string): string | undefined {
  const connection = context.connections.find((c) => c.connectionId === connectionId);
  const namespaces = connection?.namespaces.map((n) => n.namespace) ?? [];
  return namespaces.length === 1 && namespaces[0] !== '' ? namespaces[0] : undefined;
}

/**
 * Where "What does this function see?" opens for the code without asking:
 * the first namespace of the first connection (`""` included: such a
 * function sees the global secrets). Undefined without a signed-in connection.
 */
export function firstPlacement(
  context: FunctionContext | undefined,
): { connectionId: string; namespace: string } | undefined {
  for (const connection of context?.connections ?? []) {
    const first = connection.namespaces[0];
    if (first) {
      return { connectionId: connection.connectionId, namespace: first.namespace };
    }
  }
  return undefined;
}

/**
 * What a create started from this code's file fills in (Move to Fluxbase
 * Secret): with one signed-in connection and one namespace there, deployed
 * or declared, that connection and namespace, so neither question is asked.
 * Nothing otherwise (a namespace that is only the `default` fallback is asked).
 */
export function functionCreatePrefill(
  context: FunctionContext | undefined,
): { connectionId: string; scope: 'namespace'; namespace: string } | undefined {
  const [only, ...others] = context?.connections ?? [];
  if (!context || !only || others.length > 0) {
    return undefined;
  }
  const namespace = presetNamespace(context, only.connectionId);
  // `default` only as the fallback (neither deployed nor declared) is a guess: the scope question stays.
  const known = only.namespaces.some((n) => n.namespace === namespace && n.source !== 'default');
  return namespace === undefined || !known
    ? undefined
    : { connectionId: only.connectionId, scope: 'namespace', namespace };
}

/**
 * The title of "Create NAME in namespace X…" for a namespace that lacks the
 * secret; with several connections configured it names the target's, as the
 * create flow it starts does (connectionNaming).
 */
export function namespaceCreateTitle(name: string, target: NamespaceTarget, configured: ConfiguredConnections): string {
  return `Create ${name} in namespace ${target.namespace}${onConnection({ name: target.connectionName }, configured)}…`;
}

/**
 * The "Create secret NAME…" quick fix on an unknown reference: in a function
 * or job with one deployed or declared namespace (functionCreatePrefill), its
 * title names the namespace (and, with several connections configured, the
 * connection, as the create flow's title does) and its argument (the create
 * command's prefill) carries them, so those questions are skipped; elsewhere
 * just the name.
 */
export function createSecretFix(
  name: string,
  context: FunctionContext | undefined,
  configured: ConfiguredConnections,
): {
  title: string;
  argument: {
    name: string;
    connectionId?: string;
    scope?: 'namespace';
    namespace?: string;
    origin: 'function' | 'quickFix';
  };
} {
  const prefill = functionCreatePrefill(context);
  const connection = context?.connections.find((candidate) => candidate.connectionId === prefill?.connectionId);
  return prefill && connection
    ? {
        title: `Create secret ${name} in namespace ${prefill.namespace}${onConnection({ name: connection.connectionName }, configured)}…`,
        argument: { name, ...prefill, origin: 'function' },
      }
    : { title: `Create secret ${name}…`, argument: { name, origin: 'quickFix' } };
}
