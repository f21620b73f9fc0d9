import type { CommandArgument } from '../commandArgument';
import { parseEnvFile } from '../code/envFile';
import { targetFields, planEnvImport, type ImportItem } from '../code/importPlan';
import { runImport, summarizeImport, type ImportReport, type SecretWriter } from '../code/importRunner';
import type { Logger } from '../../shared/logger';
import type { PickManyItem } from '../userInput';
import { SignInRequiredError, UserFacingError } from './commandErrors';
import type { CommandDeps } from './commandDeps';
import { chooseEnvFile } from './envFileChoice';
import { chooseTarget, describeTarget, targetPresetIn, type TargetPreset } from './targetChoice';
import { requireSignedIn, withClient, withSessionGuard } from './withClient';

/** What the import needs of the one deps object. */
export type ImportEnvFileDeps = Pick<
  CommandDeps,
  'catalog' | 'registry' | 'store' | 'input' | 'progress' | 'notifier' | 'logger' | 'showLogs' | 'importConcurrency'
>;

/** A `.env` file as read by the host. */
export interface EnvFileContent {
  /** Shown in titles and messages, e.g. `.env.local`. */
  fileName: string;
  text: string;
}

/**
 * "Import .env File…": the file of chooseEnvFile, into the target of the
 * row it was invoked on (none for a file). Resolves to the import's report.
 */
export function importEnvFileCommand(deps: ImportEnvFileDeps & Pick<CommandDeps, 'files'>) {
  const run = importEnvFile(deps);
  return async (arg: CommandArgument): Promise<ImportReport> =>
    run(await chooseEnvFile(deps.files, arg), targetPresetIn(arg));
}

const TITLE = 'Import .env File';

/**
 * The import flow: parse the file, choose connection, scope and namespace
 * (unless the preset says), list what the target holds, show every entry as
 * new, update or invalid with check boxes, write the checked ones with
 * bounded concurrency under a cancellable progress, refresh, and report what
 * was created, updated, skipped and failed (details in the log, names only).
 * Resolves to the report, or rejects (UserCancelledError when dismissed).
 */
export function importEnvFile(deps: ImportEnvFileDeps) {
  return async (file: EnvFileContent, preset: TargetPreset = {}): Promise<ImportReport> => {
    const parsed = parseEnvFile(file.text);
    if (parsed.entries.length === 0 && parsed.problems.length === 0) {
      throw new UserFacingError(`${file.fileName} has no KEY=VALUE lines to import.`);
    }
    const chosen = await chooseTarget(deps, preset, `${TITLE}: ${file.fileName}`);
    const { target } = chosen;
    const connection = deps.registry.list().find((candidate) => candidate.id === chosen.connection.id);
    if (!connection) {
      throw new SignInRequiredError();
    }
    const where = `${describeTarget(target)} of ${connection.name}`;
    // Through the session guard, as every command: refused credentials mark the session expired and offer Sign In.
    const existing = await withClient(deps, connection, (client) => client.secrets.list(targetFields(target)));
    const plan = planEnvImport(parsed, existing, target);

    const selected = new Set(
      await deps.input.pickMany(plan.map(pickItemOf), {
        title: `${TITLE}: ${file.fileName} → ${where}`,
        placeholder: 'Check the entries to write (values are not shown)',
      }),
    );
    if (![...selected].some((item) => item.kind !== 'invalid')) {
      throw new UserFacingError('Nothing to import: no new or existing entry was checked.');
    }

    // The connection's client now, not the one that listed: the session may have ended or changed while the
    // entries were checked (a signed-out client would send every write without credentials).
    const client = requireSignedIn(deps, connection);
    // Each write through the guard too: refused credentials mid-way mark the session expired.
    const writer: SecretWriter = {
      create: (request) => withSessionGuard(deps, connection, () => client.secrets.create(request)),
      updateById: (id, request) => withSessionGuard(deps, connection, () => client.secrets.updateById(id, request)),
    };
    const report = await deps.progress.withCancellableProgress(
      `Importing ${file.fileName} into ${where}`,
      (progress, signal) =>
        runImport(plan, (item) => selected.has(item), writer, target, {
          concurrency: deps.importConcurrency,
          signal,
          onProgress: (done, total) => progress(`${done} of ${total}`, 100 / total),
        }),
    );
    await deps.store.refresh(connection.id).catch((error: unknown) => {
      deps.logger.warn(`Refreshing ${connection.name} after the import failed: ${String(error)}`);
    });
    logReport(deps.logger, file.fileName, where, report);
    const message = `Imported ${file.fileName} into ${where}: ${summarizeImport(report)}.`;
    if (report.failed.length > 0) {
      void deps.notifier.warn(message, 'Show Logs').then((action) => action && deps.showLogs());
    } else {
      void deps.notifier.info(message);
    }
    return report;
  };
}

function pickItemOf(item: ImportItem): PickManyItem<ImportItem> {
  const line = `line ${item.line + 1}`;
  switch (item.kind) {
    case 'create':
      return {
        label: `$(add) ${item.name}`,
        description: 'new',
        detail: `${line} · ${item.variable}`,
        picked: true,
        value: item,
      };
    case 'update':
      return {
        label: `$(sync) ${item.name}`,
        description: 'exists, will be updated (new version)',
        detail: `${line} · ${item.variable}`,
        picked: true,
        value: item,
      };
    case 'invalid':
      return {
        label: `$(error) ${item.key ?? line}`,
        description: 'invalid, will be skipped',
        detail: `${line}: ${item.reason}`,
        picked: false,
        value: item,
      };
  }
}

function logReport(logger: Logger, fileName: string, where: string, report: ImportReport): void {
  logger.info(`Import of ${fileName} into ${where}: ${summarizeImport(report)}`);
  for (const [label, names] of [
    ['created', report.created],
    ['updated', report.updated],
    ['skipped', report.skipped],
  ] as const) {
    if (names.length > 0) {
      logger.info(`  ${label}: ${names.join(', ')}`);
    }
  }
  for (const failure of report.failed) {
    logger.warn(`  failed: ${failure.name}: ${failure.error}`);
  }
}
