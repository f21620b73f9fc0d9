import type { RunnableUnit } from '../../../src/core/functions/codeUnit';
import type { FunctionContext, NamespaceSource, UnitNamespace } from '../../../src/core/functions/functionNamespaces';

/** The billing function of the issue. */
export const CHARGE: RunnableUnit = {
  kind: 'function',
  name: 'charge-customer',
  form: 'flat',
  root: 'fluxbase/functions/charge-customer.ts',
};

/** A context of `unit` on connection Local (or several) with the given namespaces. */
export function contextOf(
  namespaces: (string | [string, NamespaceSource])[],
  unit: FunctionContext['unit'] = CHARGE,
  connections: { id: string; name: string; unavailable?: string }[] = [{ id: 'local', name: 'Local' }],
): FunctionContext {
  const list: UnitNamespace[] = namespaces.map((n) =>
    typeof n === 'string' ? { namespace: n, source: 'deployed' } : { namespace: n[0], source: n[1] },
  );
  return {
    unit,
    connections: connections.map((c) => ({
      connectionId: c.id,
      connectionName: c.name,
      namespaces: list.map((n) => ({ ...n })),
      ...(c.unavailable ? { unavailable: c.unavailable } : {}),
    })),
  };
}
