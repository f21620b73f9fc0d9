import type { Secret } from '../api/secretTypes';
import { requireConfirmedVersion, SecretChangedError } from '../confirmedVersion';
import type { Logger } from '../../shared/logger';
import type { NoticeSeverity, SecretHistoryView } from '../../shared/historyProtocol';
import type { SecretRef } from '../../shared/secretRef';
import { classifyHistoryFailure, describeHistoryError, type HistoryFailure } from './historyFailure';
import type { HistorySource } from './historySource';
import type { ConfirmRollback } from './rollbackConfirmation';

/** The panel as its rollback flow sees it (the controller implements it). */
export interface RollbackPanel {
  readonly ref: SecretRef;
  /** The history the page shows now, if any. */
  view(): SecretHistoryView | undefined;
  isDisposed(): boolean;
  /** Whether there are several connections to tell apart (the confirmation then names this one). */
  severalConnections(): boolean;
  /** Shows the history again, with the rollback under way (`pending`) or without. */
  showHistory(): void;
  reload(): Promise<void>;
  notice(severity: NoticeSeverity, text: string): void;
  logFailure(action: string, error: unknown, failure: HistoryFailure): void;
}

/** What the rollback flow needs. */
export interface RollbackDeps {
  source: HistorySource;
  logger: Logger;
  confirmRollback: ConfirmRollback;
}

/**
 * The confirm → rollback → refresh flow of one history panel: one rollback at
 * a time, only to a version the page offers; the version under way is
 * `pending` (its buttons are inert meanwhile).
 */
export class HistoryRollback {
  private busy = false;
  private pendingVersion: number | undefined;

  constructor(
    private readonly panel: RollbackPanel,
    private readonly deps: RollbackDeps,
  ) {}

  /** The version a rollback to which is under way. */
  get pending(): number | undefined {
    return this.pendingVersion;
  }

  async run(version: number): Promise<void> {
    const { logger, source } = this.deps;
    const { panel } = this;
    const name = panel.ref.name;
    if (this.busy) {
      logger.info(`History of ${name}: ignored a rollback request while another one is under way.`);
      return;
    }
    const view = panel.view();
    const row = view?.versions.find((candidate) => candidate.version === version);
    if (view === undefined || row === undefined || row.isCurrent) {
      logger.warn(`History of ${name}: ignored a rollback to version ${version}, which the page does not offer.`);
      return;
    }
    this.busy = true;
    try {
      const confirmed = await this.deps.confirmRollback({
        name: view.name,
        ...(panel.severalConnections() && view.connection !== undefined ? { connection: view.connection.name } : {}),
        ...(view.namespace === undefined ? {} : { namespace: view.namespace }),
        version,
        currentVersion: view.currentVersion,
      });
      if (!confirmed || panel.isDisposed()) {
        return;
      }
      this.pendingVersion = version;
      panel.showHistory();
      let secret: Secret;
      try {
        // confirmed as "v<current> becomes v<current + 1>": refused when someone wrote while the modal was open
        await requireConfirmedVersion(() => source.getSecret(panel.ref), name, view.currentVersion);
        secret = await source.rollback(panel.ref, version);
      } catch (error) {
        if (error instanceof SecretChangedError) {
          this.pendingVersion = undefined;
          logger.info(`History of ${name}: no rollback, it changed to version ${error.currentVersion} meanwhile.`);
          this.refreshExplorer();
          await panel.reload();
          panel.notice('error', error.message);
          return;
        }
        this.pendingVersion = undefined;
        const failure = classifyHistoryFailure(error);
        panel.logFailure(`rolling ${name} back to version ${version}`, error, failure);
        panel.showHistory();
        panel.notice('error', `Rollback to version ${version} failed: ${describeHistoryError(error)}`);
        if (failure.kind !== 'error') {
          // Gone or signed out: let a fresh load say which.
          await panel.reload();
        }
        return;
      }
      this.pendingVersion = undefined;
      logger.info(`Rolled ${name} back to version ${version}; it is now version ${secret.version}.`);
      this.refreshExplorer();
      await panel.reload();
      panel.notice('info', `Rolled back to version ${version}. The current version is now ${secret.version}.`);
    } finally {
      this.busy = false;
      this.pendingVersion = undefined;
    }
  }

  private refreshExplorer(): void {
    const { source, logger } = this.deps;
    const connectionId = this.panel.ref.connectionId;
    try {
      void Promise.resolve(source.refresh(connectionId)).catch((error: unknown) =>
        logger.error(error instanceof Error ? error : `Refreshing the explorer failed: ${String(error)}`),
      );
    } catch (error) {
      logger.error(error instanceof Error ? error : `Refreshing the explorer failed: ${String(error)}`);
    }
  }
}
