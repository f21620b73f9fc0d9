import { FluxbaseApiError } from '../../../src/core/api/fluxbaseApiError';
import type { Secret, SecretVersion } from '../../../src/core/api/secretTypes';
import type { SignedInUser } from '../../../src/core/connections/signedInUsers';
import { Emitter, type Disposable } from '../../../src/shared/disposable';
import type { HistoryPage } from '../../../src/core/history/historyPanelController';
import type { RollbackRequest } from '../../../src/core/history/rollbackConfirmation';
import type { SecretRef } from '../../../src/shared/secretRef';
import type { HistorySource } from '../../../src/core/history/historySource';
import type { Logger } from '../../../src/shared/logger';
import type { ConnectionNaming } from '../../../src/core/history/historyView';
import type { HostToWebviewMessage } from '../../../src/shared/historyProtocol';

/** An in-memory secret with a history, behaving like the server's id routes; failures can be queued. */
export class FakeHistorySource implements HistorySource {
  secret: Secret | undefined;
  versions: SecretVersion[];
  signedIn = true;
  /** Who currentUser answers with; a function to make it reject. */
  user: SignedInUser | undefined | (() => never);
  readonly calls: string[] = [];
  /** The connections currentUser was asked about (kept apart from `calls`, the secret requests). */
  readonly userLookups: string[] = [];
  readonly refreshes: string[] = [];
  /** The next call of that method throws this instead of answering. */
  readonly failNext = new Map<'getSecret' | 'getVersions' | 'rollback', unknown>();
  /** When set, getSecret waits for this before answering. */
  gate: Promise<void> | undefined;
  private readonly changes = new Emitter<void>();

  constructor(secret: Secret, versions: SecretVersion[]) {
    this.secret = secret;
    this.versions = versions;
  }

  async getSecret(ref: SecretRef): Promise<Secret> {
    this.calls.push(`getSecret ${ref.id}`);
    const gate = this.gate;
    if (gate !== undefined) {
      await gate;
    }
    this.throwIfQueued('getSecret');
    if (this.secret === undefined || this.secret.id !== ref.id) {
      throw new FluxbaseApiError('notFound', 'Secret not found (404)', {
        status: 404,
        serverError: 'Secret not found',
      });
    }
    return { ...this.secret };
  }

  async getVersions(ref: SecretRef): Promise<SecretVersion[]> {
    this.calls.push(`getVersions ${ref.id}`);
    this.throwIfQueued('getVersions');
    return this.secret?.id === ref.id ? this.versions.map((row) => ({ ...row })) : [];
  }

  async rollback(ref: SecretRef, version: number): Promise<Secret> {
    this.calls.push(`rollback ${ref.id} ${version}`);
    this.throwIfQueued('rollback');
    if (this.secret === undefined || !this.versions.some((row) => row.version === version)) {
      throw new FluxbaseApiError('notFound', `Version ${version} not found (404)`, { status: 404 });
    }
    const next = this.secret.version + 1;
    this.secret = { ...this.secret, version: next, updated_at: '2026-05-01T12:00:00Z' };
    this.versions = [
      { id: `row-${next}`, secret_id: this.secret.id, version: next, created_at: '2026-05-01T12:00:00Z' },
      ...this.versions,
    ];
    return { ...this.secret };
  }

  onDidChange(listener: () => void): Disposable {
    return this.changes.event(listener);
  }

  isSignedIn(): boolean {
    return this.signedIn;
  }

  async currentUser(connectionId: string): Promise<SignedInUser | undefined> {
    this.userLookups.push(connectionId);
    return typeof this.user === 'function' ? this.user() : this.user;
  }

  refresh(connectionId: string): void {
    this.refreshes.push(connectionId);
  }

  /** The connections the source names; none unless a test sets them. */
  connectionList: ConnectionNaming[] = [];

  connections(): readonly ConnectionNaming[] {
    return this.connectionList;
  }

  /** What the explorer does when anything changed. */
  fireChange(): void {
    this.changes.fire();
  }

  private throwIfQueued(method: 'getSecret' | 'getVersions' | 'rollback'): void {
    if (this.failNext.has(method)) {
      const error = this.failNext.get(method);
      this.failNext.delete(method);
      throw error;
    }
  }
}

/** Records what the controller posts and whether it closed the page. */
export class RecordingPage implements HistoryPage {
  readonly messages: HostToWebviewMessage[] = [];
  closed = false;

  post(message: HostToWebviewMessage): void {
    this.messages.push(structuredClone(message));
  }

  close(): void {
    this.closed = true;
  }

  get last(): HostToWebviewMessage | undefined {
    return this.messages[this.messages.length - 1];
  }

  /** The last message that is a page state, i.e. not a notice. */
  get lastState(): HostToWebviewMessage | undefined {
    return [...this.messages].reverse().find((message) => message.type !== 'notice');
  }

  get notices(): Extract<HostToWebviewMessage, { type: 'notice' }>[] {
    return this.messages.filter((message) => message.type === 'notice');
  }

  types(): string[] {
    return this.messages.map((message) => message.type);
  }
}

/** A confirmation that answers as scripted and records what it was asked; it fails loudly when not scripted. */
export class ScriptedConfirm {
  readonly asked: RollbackRequest[] = [];
  /** Runs while the confirmation is open, before it is answered (someone else's write). */
  meanwhile: (() => void) | undefined;
  private readonly answers: boolean[] = [];

  answer(...answers: boolean[]): this {
    this.answers.push(...answers);
    return this;
  }

  readonly confirm = async (request: RollbackRequest): Promise<boolean> => {
    this.asked.push(request);
    this.meanwhile?.();
    const answer = this.answers.shift();
    if (answer === undefined) {
      throw new Error(`Unexpected confirmation: ${JSON.stringify(request)}`);
    }
    return answer;
  };
}

/** A logger that keeps every line, to assert on what was logged. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  trace = (message: string): void => void this.lines.push(`trace ${message}`);
  debug = (message: string): void => void this.lines.push(`debug ${message}`);
  info = (message: string): void => void this.lines.push(`info ${message}`);
  warn = (message: string): void => void this.lines.push(`warn ${message}`);
  error = (message: string | Error): void =>
    void this.lines.push(`error ${message instanceof Error ? message.message : message}`);
}
