import type { CommandArgument } from '../commandArgument';
import { connectionIdIn } from '../commandArgument';
import { compareColumnOptions } from '../compare/compareColumnChoice';
import type { CommandDeps } from './commandDeps';

const TITLE = 'Compare Secrets';

/**
 * `fluxbaseSecrets.compareSecrets`: asks which scopes to put side by side
 * (check boxes: Global, each namespace, what a function in each namespace
 * sees, per connection; the Global column of the row it was run on starts
 * checked, and from a Namespaces row its namespaces too) and opens a panel
 * comparing them. Two or more are needed.
 */
export function compareSecretsCommand(deps: CommandDeps) {
  return async (arg: CommandArgument): Promise<void> => {
    const connectionId = connectionIdIn(arg);
    const fromNamespacesRow = arg.kind === 'treeNode' && arg.node.kind === 'scope' && arg.node.scope === 'namespaces';
    const options = compareColumnOptions(
      deps.store.connections(),
      connectionId === undefined ? undefined : { connectionId, namespaces: fromNamespacesRow },
    );
    if (options.length < 2) {
      void deps.notifier.info('Compare Secrets needs two scopes or more: add a connection or a namespace first.');
      return;
    }
    const columns = await deps.input.pickMany(
      options.map((option) => ({
        label: option.label,
        description: option.description,
        picked: option.picked,
        value: option.spec,
      })),
      { title: TITLE, placeholder: 'Check two or more scopes to compare side by side' },
    );
    if (columns.length < 2) {
      void deps.notifier.info('Check at least two scopes to compare.');
      return;
    }
    deps.comparePanels.open(columns);
  };
}
