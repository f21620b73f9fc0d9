import { DisposableStore, type Disposable } from '../../shared/disposable';
import type { Logger } from '../../shared/logger';
import {
  isWebviewToHostMessage,
  type HostToWebviewMessage,
  type NoticeSeverity,
  type SecretHistoryView,
} from '../../shared/historyProtocol';
import type { InlineHistoryMessage } from '../../shared/historyInlineMessage';
import { classifyHistoryFailure, describeHistoryError, type HistoryFailure } from './historyFailure';
import type { SecretRef } from '../../shared/secretRef';
import type { HistorySource } from './historySource';
import { HistoryRollback } from './historyRollback';
import type { ConfirmRollback } from './rollbackConfirmation';
import { formatExactTime } from '../../shared/time';
import { buildHistoryView, type ConnectionNaming } from './historyView';
import { secretVariableName } from '../secretVariable';
import type { SecretUsageView } from '../../shared/secretUsage';

/** The page as the controller sees it: the host implements it over a webview panel. */
export interface HistoryPage {
  /** Delivers a message; it is lost if the page is not listening, which `ready` makes up for. */
  post(message: HostToWebviewMessage): void;
  close(): void;
}

/** What a controller is built from. `now` and `formatExactTime` default to the real clock and the user's locale. */
export interface HistoryPanelControllerDeps {
  source: HistorySource;
  page: HistoryPage;
  confirmRollback: ConfirmRollback;
  logger: Logger;
  /** Starts the sign-in of a connection; without it the signed-out page offers no button. */
  signIn?: (connectionId: string) => Promise<unknown>;
  /** Puts text on the clipboard, for the page's "Copy user id"; without it that request is ignored. */
  copyToClipboard?: (text: string) => Promise<void>;
  now?: () => Date;
  formatExactTime?: (date: Date) => string;
  /** Where the workspace reads a variable (the functions and jobs), for the page; absent without a workspace index. */
  usage?: (variable: string) => SecretUsageView | undefined;
}

/**
 * The logic of one history panel, apart from VS Code: answers the page's
 * messages, fetches from the source, runs the rollback flow (historyRollback.ts)
 * and follows changes made elsewhere. Only the newest load is shown;
 * an older one that finishes later is dropped.
 */
export class HistoryPanelController implements Disposable {
  private readonly disposables = new DisposableStore();
  private ready = false;
  private readyBefore = false;
  private startedWithPanel = false;
  private disposed = false;
  private loadGeneration = 0;
  private shown: InlineHistoryMessage | undefined;
  private view: SecretHistoryView | undefined;
  private readonly rollbacks: HistoryRollback;

  constructor(
    readonly ref: SecretRef,
    private readonly deps: HistoryPanelControllerDeps,
  ) {
    this.rollbacks = new HistoryRollback(
      {
        ref,
        view: () => this.view,
        isDisposed: () => this.disposed,
        severalConnections: () => this.connections().length > 1,
        showHistory: () => this.showHistory(),
        reload: () => this.reload(),
        notice: (severity, text) => this.notice(severity, text),
        logFailure: (action, error, failure) => this.logFailure(action, error, failure),
      },
      deps,
    );
    this.disposables.add(
      deps.source.onDidChange(() => {
        // Before the page is ready only a load started with the panel is kept fresh (its result is the first state).
        if (this.ready || this.startedWithPanel) {
          void this.reload();
        }
      }),
    );
  }

  /**
   * Starts the first load with the panel, before its page exists, so that the
   * page finds the history loaded (in its HTML, or answering its `ready`)
   * instead of asking for it; settles when that load does.
   */
  start(): Promise<void> {
    this.startedWithPanel = true;
    return this.reload();
  }

  /** What the page shows now, if anything yet: the host puts it into the page's HTML as its first state. */
  get currentState(): InlineHistoryMessage | undefined {
    return this.shown;
  }

  /** Handles one message from the page; a malformed one is logged and does nothing. */
  async receive(message: unknown): Promise<void> {
    if (this.disposed) {
      return;
    }
    if (!isWebviewToHostMessage(message)) {
      this.deps.logger.warn(
        `History of ${this.ref.name}: ignored a malformed message from the page (${describe(message)}).`,
      );
      return;
    }
    switch (message.type) {
      case 'ready': {
        // The first `ready` of a panel whose load started with it needs no other load: that one is fresh, or
        // still running and shows its result when done. A later `ready` (a hidden page rebuilt) fetches afresh.
        const loadedForThisPage = this.startedWithPanel && !this.readyBefore;
        this.ready = true;
        this.readyBefore = true;
        this.show(this.shown ?? { type: 'loading', ref: this.ref });
        return loadedForThisPage ? undefined : this.reload();
      }
      case 'refresh':
        return this.reload();
      case 'rollback':
        return this.rollbacks.run(message.version);
      case 'copyAuthorId':
        return this.copyAuthorId(message.version);
      case 'signIn':
        return this.signIn();
      case 'close':
        this.deps.page.close();
        return;
    }
  }

  /** Fetches the secret and its versions afresh and shows them, or the state that explains why not. */
  async reload(): Promise<void> {
    const generation = ++this.loadGeneration;
    const { source } = this.deps;
    if (!source.isSignedIn(this.ref.connectionId)) {
      this.showFailure({ kind: 'signedOut' });
      return;
    }
    if (this.shown?.type !== 'history' && this.shown?.type !== 'loading') {
      this.show({ type: 'loading', ref: this.ref });
    }
    try {
      const [secret, versions, currentUser] = await Promise.all([
        source.getSecret(this.ref),
        source.getVersions(this.ref),
        // Who "You" is only decorates the rows: not knowing must never fail the load.
        source.currentUser?.(this.ref.connectionId).catch(() => undefined),
      ]);
      if (generation !== this.loadGeneration || this.disposed) {
        return;
      }
      const now = (this.deps.now ?? (() => new Date()))();
      const connection = this.connections().find((candidate) => candidate.id === this.ref.connectionId);
      const usage = this.deps.usage?.(secretVariableName(secret.name));
      this.view = buildHistoryView(secret, versions, {
        ...(usage === undefined ? {} : { usage }),
        now,
        ...(connection === undefined ? {} : { connection: { name: connection.name, url: connection.url } }),
        formatExactTime: this.deps.formatExactTime ?? formatExactTime,
        ...(currentUser === undefined ? {} : { currentUser }),
      });
      this.showHistory();
    } catch (error) {
      if (generation !== this.loadGeneration || this.disposed) {
        return;
      }
      const failure = classifyHistoryFailure(error);
      this.logFailure(`loading the history of ${this.ref.name}`, error, failure);
      this.showFailure(failure);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.disposables.dispose();
  }

  private async copyAuthorId(version: number): Promise<void> {
    const { copyToClipboard, logger } = this.deps;
    const id = this.view?.versions.find((row) => row.version === version)?.author.id;
    if (copyToClipboard === undefined || id === undefined) {
      logger.warn(`History of ${this.ref.name}: ignored a request to copy an author id the page does not show.`);
      return;
    }
    try {
      await copyToClipboard(id);
      this.notice('info', `Copied the user id of the author of version ${version}.`);
    } catch (error) {
      logger.error(error instanceof Error ? error : `Copying a user id failed: ${String(error)}`);
      this.notice('error', 'Could not copy the user id to the clipboard.');
    }
  }

  private async signIn(): Promise<void> {
    const { signIn, logger } = this.deps;
    if (signIn === undefined) {
      logger.warn(`History of ${this.ref.name}: ignored a sign-in request; no sign-in is available.`);
      return;
    }
    try {
      await signIn(this.ref.connectionId);
    } catch (error) {
      logger.error(error instanceof Error ? error : `Sign-in failed: ${String(error)}`);
      this.notice('error', `Sign-in failed: ${describeHistoryError(error)}`);
    }
    await this.reload();
  }

  private connections(): readonly ConnectionNaming[] {
    return this.deps.source.connections?.() ?? [];
  }

  private showHistory(): void {
    if (this.view === undefined) {
      return;
    }
    this.show({
      type: 'history',
      ref: this.ref,
      view: this.view,
      ...(this.rollbacks.pending === undefined ? {} : { pendingRollback: this.rollbacks.pending }),
    });
  }

  private showFailure(failure: HistoryFailure): void {
    this.view = undefined;
    switch (failure.kind) {
      case 'deleted':
        this.show({ type: 'deleted', ref: this.ref });
        return;
      case 'signedOut':
        this.show({ type: 'signedOut', ref: this.ref, canSignIn: this.deps.signIn !== undefined });
        return;
      case 'error':
        this.show({ type: 'error', ref: this.ref, message: failure.message });
        return;
    }
  }

  private logFailure(action: string, error: unknown, failure: HistoryFailure): void {
    const { logger } = this.deps;
    if (failure.kind === 'error') {
      logger.error(error instanceof Error ? error : `Failed ${action}: ${String(error)}`);
    } else {
      logger.info(`Failed ${action}: ${describeHistoryError(error)}`);
    }
  }

  private notice(severity: NoticeSeverity, text: string): void {
    if (this.ready && !this.disposed) {
      this.deps.page.post({ type: 'notice', severity, text });
    }
  }

  private show(message: InlineHistoryMessage): void {
    this.shown = message;
    if (this.ready && !this.disposed) {
      this.deps.page.post(message);
    }
  }
}

function describe(message: unknown): string {
  if (typeof message === 'object' && message !== null && 'type' in message && typeof message.type === 'string') {
    return `type ${JSON.stringify(message.type.slice(0, 40))}`;
  }
  return Array.isArray(message) ? 'an array' : `a ${message === null ? 'null' : typeof message}`;
}
