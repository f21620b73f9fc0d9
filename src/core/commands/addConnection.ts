import type { Connection } from '../connections/connection';
import { normalizeServerUrl, validateConnectionName, validateServerUrl } from '../connections/connectionValidation';
import type { CommandDeps } from './commandDeps';

const TITLE = 'Add Connection';

/**
 * `fluxbaseSecrets.addConnection`: asks for the server URL and a unique name,
 * saves the connection in the user settings, then starts signing in to it
 * (which may be cancelled; the connection stays).
 */
export function addConnectionCommand(deps: CommandDeps) {
  return async (): Promise<Connection> => {
    const urlText = await deps.input.inputText({
      title: TITLE,
      prompt: 'URL of the Fluxbase server',
      placeholder: 'https://fluxbase.example.com',
      validate: validateServerUrl,
    });
    const url = normalizeServerUrl(urlText)!;
    // Read at each judgement, the last one when the name is accepted: a connection of that name may appear while
    // the box is open (a settings edit).
    const existingNames = (): string[] => deps.registry.list().map((connection) => connection.name);
    const name = await deps.input.inputText({
      title: TITLE,
      prompt: 'Name of the connection, as the tree shows it',
      value: suggestName(url, existingNames()),
      validate: (value) => validateConnectionName(value, existingNames()),
    });
    const connection = await deps.registry.add({ name, url });
    await deps.executeCommand('fluxbaseSecrets.signIn', connection.id);
    return connection;
  };
}

function suggestName(url: string, taken: readonly string[]): string {
  const host = new URL(url).host;
  let candidate = host;
  for (let n = 2; taken.some((name) => name.toLowerCase() === candidate.toLowerCase()); n++) {
    candidate = `${host} (${n})`;
  }
  return candidate;
}
