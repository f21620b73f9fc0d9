import type { CommandDeps } from './commandDeps';

/** `fluxbaseSecrets.filter`: narrows the tree to secrets whose name, variable, description or namespace contains the text. */
export function filterCommand(deps: CommandDeps) {
  return async (): Promise<void> => {
    const text = await deps.input.inputText({
      title: 'Filter Secrets',
      prompt: 'Show only secrets whose name, variable, description or namespace contains (empty shows all)',
      value: deps.filter.text,
    });
    deps.filter.set(text);
  };
}
