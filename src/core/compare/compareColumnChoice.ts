import { namespacesOf } from '../explorer/effectiveVariables';
import type { ConnectionState } from '../explorer/secretsStore';
import type { CompareColumnSpec } from '../../shared/compareProtocol';
import { compareColumnTitle } from './compareModel';

/** One entry of the column quick pick. */
export interface CompareColumnOption {
  label: string;
  description: string;
  spec: CompareColumnSpec;
  /** Ticked from the start: the Global column of the connection the command was run on (and its namespaces, from its Namespaces row). */
  picked: boolean;
}

/** Where the command was run: a connection's row, or its Namespaces row. */
export interface CompareStartingRow {
  connectionId: string;
  namespaces: boolean;
}

/**
 * The scopes a comparison can show, per connection, in the registry's
 * order: Global, then each namespace the connection's last list has, then
 * "what a function in namespace N sees" for each. The Global column of the
 * connection of `from` (the row the command was run on) starts ticked, and
 * from its Namespaces row each of its namespaces too.
 */
export function compareColumnOptions(
  connections: readonly Pick<ConnectionState, 'id' | 'name' | 'secrets'>[],
  from?: CompareStartingRow,
): CompareColumnOption[] {
  const options: CompareColumnOption[] = [];
  for (const connection of connections) {
    const option = (spec: CompareColumnSpec, description: string): CompareColumnOption => ({
      label: compareColumnTitle({ connectionName: connection.name, scope: spec.scope }),
      description,
      spec,
      picked:
        connection.id === from?.connectionId &&
        (spec.scope.kind === 'global' || (from.namespaces && spec.scope.kind === 'namespace')),
    });
    options.push(option({ connectionId: connection.id, scope: { kind: 'global' } }, 'global secrets'));
    const namespaces = namespacesOf(connection.secrets);
    for (const namespace of namespaces) {
      options.push(
        option({ connectionId: connection.id, scope: { kind: 'namespace', namespace } }, 'namespace secrets'),
      );
    }
    for (const namespace of namespaces) {
      options.push(
        option(
          { connectionId: connection.id, scope: { kind: 'function', namespace } },
          'what a function there sees: global + namespace, overrides applied',
        ),
      );
    }
  }
  return options;
}
