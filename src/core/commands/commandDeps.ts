import type { ActiveFunctionPort } from '../functions/functionNamespaceCommands';
import type { ClientPort } from '../connections/clientPort';
import type { ConnectionRegistry } from '../connections/connectionRegistry';
import type { ConnectionSessions } from '../connections/connectionSessions';
import type { Clock } from '../explorer/clock';
import type { ExplorerFilter } from '../explorer/explorerFilter';
import type { SecretsStore } from '../explorer/secretsStore';
import type { Logger } from '../../shared/logger';
import type { UserInput } from '../userInput';
import type { SecretCatalog } from '../explorer/secretCatalog';
import type { CommandId } from '../commandIds';
import type { CliProfileAccess } from './cliProfileSignIn';
import type { ExplorerViewPort } from './explorerViewPort';
import type {
  Clipboard,
  EditorPort,
  ComparePanelsPort,
  HistoryPanelsPort,
  Notifier,
  ProgressReporter,
  ReferencesPort,
  TemplateOutput,
  WorkspaceFiles,
} from './hostPorts';

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

/** The one deps object: everything a command handler may use. Handlers throw on failure; runCommand reports it. */
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
  /** The active editor's function or job (function namespace commands, What does this function see?, Move to Fluxbase Secret). Absent where there is no editor. */
  functions?: ActiveFunctionPort;
  /** The workspace's reference index (Find References). Absent where there is no workspace. */
  references?: ReferencesPort;
  /** Runs another command through the editor, so that its failures are reported as its own. */
  executeCommand(id: CommandId, arg?: unknown): Promise<unknown>;
  /** The secrets of every signed-in connection, as the code features list them. */
  catalog: SecretCatalog;
  /** The text editors: insert and extract edit them. */
  editor: EditorPort;
  /** The workspace's files and the open dialog: the `.env` import reads them. */
  files: WorkspaceFiles;
  /** Where an exported `.env` template goes. */
  templateOutput: TemplateOutput;
  /** The version-history panels. */
  historyPanels: HistoryPanelsPort;
  /** The Compare Secrets panels. */
  comparePanels: ComparePanelsPort;
  /** Writes of an import in flight at once; DEFAULT_IMPORT_CONCURRENCY when absent. */
  importConcurrency?: number;
}
