import type { CommandDeps } from './commandDeps';

/** `fluxbaseSecrets.clearFilter`: shows every secret again. */
export function clearFilterCommand(deps: CommandDeps) {
  return async (): Promise<void> => {
    deps.filter.set('');
  };
}
