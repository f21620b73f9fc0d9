import type { ProvidingSecret, VariableResolution } from '../code/variableResolution';
import type { FunctionContext, NamespaceSource } from './functionNamespaces';

/**
 * What a function (or job, or shared module) gets for one variable in one of
 * its namespaces on one connection: every usable global secret plus those of
 * its namespace, the namespace one winning; expired ones are left out; the
 * `""` namespace gets only global secrets (contract part 2, §0.3, §1.3).
 */
export interface NamespaceAccess {
  connectionId: string;
  connectionName: string;
  namespace: string;
  source: NamespaceSource;
  /** Shared modules: the units that run in this namespace. */
  via?: string[];
  /** The secret whose value the code reads there; undefined when it reads nothing. */
  gets: ProvidingSecret | undefined;
  /** `gets` is the namespace secret and a usable global one exists. */
  overridesGlobal: boolean;
  /** The namespace secrets expired, so `gets` is the global one. */
  fallsBackToGlobal: boolean;
  /** When nothing is read: the expired secrets that would otherwise provide it. */
  expired: ProvidingSecret[];
  /** Other namespaces of this connection that have a secret for the variable. */
  elsewhere: string[];
  /** This connection has a global secret for the variable (usable or not). */
  hasGlobal: boolean;
}

/** Every (connection, namespace) of the context with what the code gets there, in the context's order. */
export function namespaceAccess(resolution: VariableResolution, context: FunctionContext): NamespaceAccess[] {
  return context.connections.flatMap((connection) => {
    const providers = resolution.connections.find((c) => c.connectionId === connection.connectionId);
    const global = providers?.global ?? [];
    const usableGlobal = global.filter(isUsable);
    return connection.namespaces.map(({ namespace, source, via }) => {
      const group = namespace === '' ? undefined : providers?.namespaces.find((n) => n.namespace === namespace);
      const usableNamespace = (group?.secrets ?? []).filter(isUsable);
      const gets = usableNamespace[0] ?? usableGlobal[0];
      return {
        connectionId: connection.connectionId,
        connectionName: connection.connectionName,
        namespace,
        source,
        ...(via ? { via } : {}),
        gets,
        overridesGlobal: usableNamespace.length > 0 && usableGlobal.length > 0,
        fallsBackToGlobal: usableNamespace.length === 0 && (group?.secrets.length ?? 0) > 0 && usableGlobal.length > 0,
        expired: gets ? [] : [...(group?.secrets ?? []), ...global],
        elsewhere: (providers?.namespaces ?? []).map((n) => n.namespace).filter((n) => n !== namespace),
        hasGlobal: global.length > 0,
      };
    });
  });
}

/** True when the code reads the variable in at least one of its namespaces. */
export function isAvailable(accesses: readonly NamespaceAccess[]): boolean {
  return accesses.some((a) => a.gets !== undefined);
}

function isUsable(provider: ProvidingSecret): boolean {
  return provider.state !== 'expired';
}
