import type { Secret } from '../api/secretTypes';
import type { ImportReport } from '../code/importRunner';
import { prefillIn, type CodeRange, type CommandArgument } from '../commandArgument';
import type { COMMAND_FAILURES } from '../commandIds';
import type { Connection } from '../connections/connection';
import type { EffectiveVariable } from '../explorer/effectiveVariables';
import { addConnectionCommand } from './addConnection';
import { clearFilterCommand } from './clearFilter';
import type { CommandDeps } from './commandDeps';
import { compareSecretsCommand } from './compareSecrets';
import { copyNameCommand } from './copyName';
import { copyReferenceCommand } from './copyReference';
import { createSecretCommand, type CreateSecretResult } from './createSecret';
import { deleteSecretCommand } from './deleteSecret';
import { editDescriptionCommand } from './editDescription';
import { exportEnvTemplateCommand } from './exportEnvTemplate';
import { copySyncCommandCommand, setFunctionNamespacesCommand } from '../functions/functionNamespaceCommands';
import { extractToSecretCommand } from './extractToSecret';
import { filterCommand } from './filter';
import { findReferencesCommand } from './findReferences';
import { importEnvFileCommand } from './importEnvFile';
import { insertReferenceCommand } from './insertReference';
import { refreshCommand } from './refresh';
import { removeConnectionCommand } from './removeConnection';
import { rollbackSecretCommand } from './rollbackSecret';
import { reportingHandler } from './runCommand';
import { setExpiryCommand } from './setExpiry';
import { showEffectiveVariablesCommand } from './showEffectiveVariables';
import { showHistoryCommand } from './showHistory';
import { showLogsCommand } from './showLogs';
import { signInCommand } from './signIn';
import { signOutCommand } from './signOut';
import { updateSecretValueCommand } from './updateSecretValue';

/** A command handler: takes the parsed argument it was invoked with, resolves to its result, throws on failure. */
export type Handler<R> = (arg: CommandArgument) => Promise<R>;

/**
 * Every command's signature, by id. To add a command, first define its type
 * here (and its "Could not …" words in COMMAND_FAILURES); the compiler then
 * asks for its handler in createCommandTable and its entry in package.json
 * is checked by the manifest test.
 */
export interface Commands {
  'fluxbaseSecrets.addConnection': Handler<Connection>;
  'fluxbaseSecrets.removeConnection': Handler<void>;
  'fluxbaseSecrets.signIn': Handler<void>;
  'fluxbaseSecrets.signOut': Handler<void>;
  'fluxbaseSecrets.refresh': Handler<void>;
  'fluxbaseSecrets.filter': Handler<void>;
  'fluxbaseSecrets.clearFilter': Handler<void>;
  'fluxbaseSecrets.showEffectiveVariables': Handler<EffectiveVariable[]>;
  'fluxbaseSecrets.createSecret': Handler<CreateSecretResult>;
  'fluxbaseSecrets.updateSecretValue': Handler<Secret>;
  'fluxbaseSecrets.editDescription': Handler<Secret | undefined>;
  'fluxbaseSecrets.setExpiry': Handler<Secret | undefined>;
  'fluxbaseSecrets.rollbackSecret': Handler<Secret>;
  'fluxbaseSecrets.deleteSecret': Handler<void>;
  'fluxbaseSecrets.copyName': Handler<void>;
  'fluxbaseSecrets.copyReference': Handler<void>;
  'fluxbaseSecrets.showLogs': Handler<void>;
  'fluxbaseSecrets.showHistory': Handler<void>;
  'fluxbaseSecrets.compareSecrets': Handler<void>;
  'fluxbaseSecrets.insertReference': Handler<void>;
  'fluxbaseSecrets.extractToSecret': Handler<void>;
  'fluxbaseSecrets.importEnvFile': Handler<ImportReport>;
  'fluxbaseSecrets.exportEnvTemplate': Handler<void>;
  'fluxbaseSecrets.setFunctionNamespaces': Handler<string[]>;
  'fluxbaseSecrets.copySyncCommand': Handler<string>;
  'fluxbaseSecrets.findReferences': Handler<CodeRange[]>;
}

/** Fails to compile unless Commands and COMMAND_FAILURES have the same ids. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
const commandsMatchIds: SameKeys<Commands, typeof COMMAND_FAILURES> = true;
void commandsMatchIds;

/** Every handler, by id: the table the host registers (each wrapped in runCommand) and tests call. */
export function createCommandTable(deps: CommandDeps): Commands {
  const setFunctionNamespaces = setFunctionNamespacesCommand(deps);
  const copySyncCommand = copySyncCommandCommand(deps);
  const createSecret = createSecretCommand(deps);
  // Extract starts the create flow directly; its failures are reported as the create command's own.
  const reportedCreate = reportingHandler('fluxbaseSecrets.createSecret', createSecret, deps);
  return {
    'fluxbaseSecrets.addConnection': addConnectionCommand(deps),
    'fluxbaseSecrets.removeConnection': removeConnectionCommand(deps),
    'fluxbaseSecrets.signIn': signInCommand(deps),
    'fluxbaseSecrets.signOut': signOutCommand(deps),
    'fluxbaseSecrets.refresh': refreshCommand(deps),
    'fluxbaseSecrets.filter': filterCommand(deps),
    'fluxbaseSecrets.clearFilter': clearFilterCommand(deps),
    'fluxbaseSecrets.showEffectiveVariables': showEffectiveVariablesCommand(deps),
    'fluxbaseSecrets.createSecret': createSecret,
    'fluxbaseSecrets.updateSecretValue': updateSecretValueCommand(deps),
    'fluxbaseSecrets.editDescription': editDescriptionCommand(deps),
    'fluxbaseSecrets.setExpiry': setExpiryCommand(deps),
    'fluxbaseSecrets.rollbackSecret': rollbackSecretCommand(deps),
    'fluxbaseSecrets.deleteSecret': deleteSecretCommand(deps),
    'fluxbaseSecrets.copyName': copyNameCommand(deps),
    'fluxbaseSecrets.copyReference': copyReferenceCommand(deps),
    'fluxbaseSecrets.showLogs': showLogsCommand(deps),
    'fluxbaseSecrets.showHistory': showHistoryCommand(deps),
    'fluxbaseSecrets.compareSecrets': compareSecretsCommand(deps),
    'fluxbaseSecrets.insertReference': insertReferenceCommand(deps),
    'fluxbaseSecrets.extractToSecret': extractToSecretCommand(deps, (prefill) =>
      reportedCreate({ kind: 'prefill', prefill }),
    ),
    'fluxbaseSecrets.importEnvFile': importEnvFileCommand(deps),
    'fluxbaseSecrets.exportEnvTemplate': exportEnvTemplateCommand(deps),
    // The annotation's quick fixes pass `{ namespace }`, which the parser reads as a prefill.
    'fluxbaseSecrets.setFunctionNamespaces': (arg) => setFunctionNamespaces(prefillIn(arg)),
    'fluxbaseSecrets.copySyncCommand': (arg) => copySyncCommand(prefillIn(arg)),
    'fluxbaseSecrets.findReferences': findReferencesCommand(deps),
  };
}
