import type { ClientPort } from '../connections/clientPort';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import type { ConnectionSessions } from '../connections/connectionSessions';
import type { Clock } from '../explorer/clock';
import type { ExplorerFilter } from '../explorer/explorerFilter';
import type { SecretsStore } from '../explorer/secretsStore';
import type { Logger } from '../logger';
import type { UserInput } from '../userInput';
import type { ExplorerCommandId } from './commandIds';
import type { CliProfileAccess } from './cliProfileSignIn';
import type { ExplorerViewPort } from './explorerViewPort';
import type { Clipboard, Notifier, ProgressReporter } from './hostPorts';

/** The part of the store that commands use. */
export type CommandStore = Pick<
  SecretsStore<ClientPort>,
  'connections' | 'connection' | 'secretsFor' | 'clientFor' | 'refresh' | 'markSessionExpired'
>;

/** The part of the sessions that sign-in and sign-out use. */
export type CommandSessions = Pick<
  ConnectionSessions<ClientPort>,
  'newClient' | 'adopt' | 'signOut' | 'resumeEnvironment'
>;

/** Everything a command handler may use. Handlers throw on failure; runCommand reports it. */
export interface CommandDeps {
  store: CommandStore;
  sessions: CommandSessions;
  registry: ConnectionRegistry;
  filter: ExplorerFilter;
  input: UserInput;
  notifier: Notifier;
  clipboard: Clipboard;
  progress: ProgressReporter;
  clock: Clock;
  logger: Logger;
  showLogs(): void;
  /** The Secrets tree view: its selection, and revealing what a command made. Absent where there is no tree. */
  explorerView?: ExplorerViewPort;
  /** Patterns of `fluxbaseSecrets.productionPatterns`; deletes on a matching connection ask to type the name. Defaults apply when absent. */
  productionPatterns?(): readonly string[];
  /** The Fluxbase CLI's profiles, for Sign In to offer their own sign-in. Absent where they are not read. */
  cliProfiles?: CliProfileAccess;
  /** Runs another explorer command through the editor, so that its failures are reported as its own. */
  executeCommand(id: ExplorerCommandId, arg?: unknown): Promise<unknown>;
}
