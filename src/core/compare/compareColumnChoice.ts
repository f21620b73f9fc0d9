import { namespacesOf } from '../explorer/effectiveVariables';
import type { ConnectionState } from '../explorer/secretsStore';
import type { CompareColumnSpec } from '../../shared/compareProtocol';
import { compareColumnTitle } from './compareModel';

/** One entry of the column quick pick. */
export interface CompareColumnOption {
  label: string;
  description: string;
  spec: CompareColumnSpec;
  /** Ticked from the start: the Global column of the connection the command was run on. */
  picked: boolean;
}

/**
 * The scopes a comparison can show, per connection, in the registry's
 * order: Global, then each namespace the connection's last list has, then
 * "what a function in namespace N sees" for each. The Global column of
 * `fromConnectionId` (the row the command was run on) starts ticked.
 */
export function compareColumnOptions(
  connections: readonly Pick<ConnectionState, 'id' | 'name' | 'secrets'>[],
  fromConnectionId?: string,
): CompareColumnOption[] {
  const options: CompareColumnOption[] = [];
  for (const connection of connections) {
    const option = (spec: CompareColumnSpec, description: string): CompareColumnOption => ({
      label: compareColumnTitle({ connectionName: connection.name, scope: spec.scope }),
      description,
      spec,
      picked: spec.scope.kind === 'global' && connection.id === fromConnectionId,
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
