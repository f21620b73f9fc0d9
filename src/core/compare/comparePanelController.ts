import type { CreateSecretPrefill } from '../commands/createSecret';
import { DisposableStore, type Disposable } from '../../shared/disposable';
import type { ConnectionState } from '../explorer/secretsStore';
import { secretRefOf } from '../explorer/secretRef';
import type { SecretRef } from '../../shared/secretRef';
import type { Logger } from '../../shared/logger';
import { SECRET_VARIABLE_PREFIX } from '../secretVariable';
import {
  isComparePageMessage,
  type CompareColumnSpec,
  type CompareFilter,
  type CompareHostMessage,
  type CompareRowView,
} from '../../shared/compareProtocol';
import { buildCompareRows, compareColumnTitle, filterCompareRows, type CompareColumn } from './compareModel';

/** The part of the secrets store a comparison reads: the connections' last lists, and when they change. */
export interface CompareStorePort {
  connections(): readonly Pick<ConnectionState, 'id' | 'name' | 'status' | 'secrets'>[];
  onDidChange(listener: () => void): Disposable;
  refresh(connectionId?: string): Promise<void>;
}

/** The page as the controller sees it: the host implements it over a webview panel. */
export interface ComparePage {
  /** Delivers a message; it is lost if the page is not listening, which `ready` makes up for. */
  post(message: CompareHostMessage): void;
}

/** What a controller is built from; `now` defaults to the real clock. */
export interface ComparePanelControllerDeps {
  store: CompareStorePort;
  page: ComparePage;
  logger: Logger;
  /** Starts the create flow with what is known; the value is always asked, never copied. */
  createSecret: (prefill: CreateSecretPrefill) => Promise<unknown>;
  /** Opens the version history of a secret. */
  showHistory: (ref: SecretRef) => unknown;
  now?: () => number;
}

/**
 * The logic of one Compare Secrets panel, apart from VS Code: builds the
 * columns from the store, follows its changes live, and answers the page's
 * messages, each checked by the protocol's guard on arrival. Cells are
 * named by variable and column index; the controller looks them up in the
 * table it sent, so the page can only act on what it was shown.
 */
export class ComparePanelController implements Disposable {
  private readonly disposables = new DisposableStore();
  private ready = false;
  private disposed = false;
  private rows: CompareRowView[] = [];
  private titles: string[] = [];

  constructor(
    readonly columns: readonly CompareColumnSpec[],
    private readonly deps: ComparePanelControllerDeps,
    private filter: CompareFilter = 'all',
  ) {
    this.disposables.add(
      deps.store.onDidChange(() => {
        if (this.ready) {
          this.showTable();
        }
      }),
    );
  }

  /** Handles one message from the page; a malformed one is logged and does nothing. */
  async receive(message: unknown): Promise<void> {
    if (this.disposed) {
      return;
    }
    if (!isComparePageMessage(message)) {
      this.deps.logger.warn('Compare Secrets: ignored a malformed message from the page.');
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post({ type: 'state', state: { columns: [...this.columns], filter: this.filter } });
        this.showTable();
        return;
      case 'refresh':
        await this.refresh();
        return;
      case 'setFilter':
        this.filter = message.filter;
        this.post({ type: 'state', state: { columns: [...this.columns], filter: this.filter } });
        // The rows are as they were: filter them again without building them anew.
        this.postTable();
        return;
      case 'createHere':
        return this.createHere(message.variable, message.column);
      case 'showHistory':
        this.showHistory(message.variable, message.column);
        return;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.disposables.dispose();
  }

  private async refresh(): Promise<void> {
    const ids = [...new Set(this.columns.map((column) => column.connectionId))];
    await Promise.all(ids.map((id) => this.deps.store.refresh(id)));
  }

  private async createHere(variable: string, column: number): Promise<void> {
    const row = this.rows.find((candidate) => candidate.variable === variable);
    const spec = this.columns[column];
    if (row === undefined || spec === undefined || row.cells[column]?.kind !== 'missing') {
      this.deps.logger.warn('Compare Secrets: ignored "Create here" for a cell the page does not show as missing.');
      return;
    }
    const named = row.cells.find((cell) => cell.kind === 'present');
    const name =
      named?.kind === 'present'
        ? named.name
        : variable.startsWith(SECRET_VARIABLE_PREFIX)
          ? variable.slice(SECRET_VARIABLE_PREFIX.length)
          : variable;
    const { scope } = spec;
    const prefill: CreateSecretPrefill =
      scope.kind === 'global'
        ? { connectionId: spec.connectionId, name, scope: 'global', origin: 'compare' }
        : { connectionId: spec.connectionId, name, scope: 'namespace', namespace: scope.namespace, origin: 'compare' };
    try {
      await this.deps.createSecret(prefill);
    } catch (error) {
      this.deps.logger.error(error instanceof Error ? error : `Create here failed: ${String(error)}`);
      this.post({ type: 'notice', text: 'The secret could not be created; see the Fluxbase output for why.' });
    }
  }

  private showHistory(variable: string, column: number): void {
    const cell = this.rows.find((candidate) => candidate.variable === variable)?.cells[column];
    const spec = this.columns[column];
    const secret =
      cell?.kind === 'present' && spec !== undefined
        ? this.connection(spec.connectionId)?.secrets.find((candidate) => candidate.id === cell.secretId)
        : undefined;
    if (spec === undefined || secret === undefined) {
      this.deps.logger.warn('Compare Secrets: ignored "History" for a cell the page does not show as present.');
      return;
    }
    this.deps.showHistory(secretRefOf(spec.connectionId, secret));
  }

  private connection(id: string) {
    return this.deps.store.connections().find((candidate) => candidate.id === id);
  }

  private showTable(): void {
    const columns: CompareColumn[] = [];
    const titles: string[] = [];
    for (const spec of this.columns) {
      const connection = this.connection(spec.connectionId);
      const column: CompareColumn = {
        connectionId: spec.connectionId,
        connectionName: connection?.name ?? 'removed connection',
        scope: spec.scope,
        secrets: connection?.status === 'ready' ? connection.secrets : [],
      };
      columns.push(column);
      titles.push(compareColumnTitle(column) + columnStatusSuffix(connection?.status));
    }
    this.rows = buildCompareRows(columns, (this.deps.now ?? Date.now)());
    this.titles = titles;
    this.postTable();
  }

  private postTable(): void {
    this.post({
      type: 'table',
      columns: this.titles,
      rows: filterCompareRows(this.rows, this.filter),
      filter: this.filter,
    });
  }

  private post(message: CompareHostMessage): void {
    if (this.ready && !this.disposed) {
      this.deps.page.post(message);
    }
  }
}

/** Said after a column's title when its connection has no list to compare, so that "missing" is not taken at its word. */
function columnStatusSuffix(status: ConnectionState['status'] | undefined): string {
  switch (status) {
    case 'ready':
      return '';
    case undefined:
      return ' (not loaded)';
    case 'loading':
      return ' (loading…)';
    case 'signedOut':
    case 'sessionExpired':
      return ' (signed out: not loaded)';
    case 'error':
      return ' (failed to load)';
  }
}
