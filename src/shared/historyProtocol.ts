/**
 * The message protocol between the version-history panel (extension host)
 * and its page (webview). Both sides check every message that arrives with
 * the guards below and ignore what fails them. Nothing here ever carries a
 * secret value or a credential: the page never talks to the server.
 *
 * Imported by the host and by the browser bundle, so no `vscode` and no Node
 * built-ins.
 */
import { isSecretRef, type SecretRef } from './secretRef';
import { isSecretUsageView, type SecretUsageView } from './secretUsage';
import { isArrayOf, isOptional, isRecord, isString, isVersionNumber } from './protocolGuards';

/** A point in time as the page shows it: relative text, exact text and the ISO instant for `<time datetime>`. */
export interface TimeView {
  iso: string;
  exact: string;
  relative: string;
}

/**
 * Who made a version, as the page shows it. `you`: the signed-in user;
 * `user`: someone else, known only by id (the API lists no users); `unknown`:
 * the server recorded nobody (a service-key write, or a deleted account).
 */
export interface AuthorView {
  kind: 'you' | 'user' | 'unknown';
  /** The cell's text: "You", the first 8 hex digits of the id, or "—". */
  label: string;
  /** The tooltip and the screen-reader text: the full id, the email, or why there is none. */
  description: string;
  /** The full `created_by` id; absent exactly when `kind` is `unknown`. */
  id?: string;
}

/** One row of the versions table. */
export interface VersionRowView {
  version: number;
  created: TimeView;
  author: AuthorView;
  isCurrent: boolean;
}

/** The connection a secret lives on, as the page's header names it. */
export interface ConnectionView {
  name: string;
  /** The server URL, as configured. */
  url: string;
}

/** Everything the page shows about a secret; versions are newest first. */
export interface SecretHistoryView {
  name: string;
  /** Where the secret lives; absent when the host does not know (the page then names none). */
  connection?: ConnectionView;
  scope: 'global' | 'namespace';
  namespace?: string;
  variableName: string;
  currentVersion: number;
  description?: string;
  expires?: TimeView & { expired: boolean };
  updated: TimeView;
  versions: VersionRowView[];
  /** The functions, jobs and files of the workspace that read the variable; absent without a workspace index. */
  usage?: SecretUsageView;
}

/** Messages from the host to the page. Every state message carries the ref, which the page keeps for restoring. */
export type HostToWebviewMessage =
  | { type: 'loading'; ref: SecretRef }
  | {
      type: 'history';
      ref: SecretRef;
      view: SecretHistoryView;
      /** The version a rollback to which is under way; its buttons are inert meanwhile. */
      pendingRollback?: number;
    }
  | { type: 'error'; ref: SecretRef; message: string }
  | { type: 'signedOut'; ref: SecretRef; canSignIn: boolean }
  | { type: 'deleted'; ref: SecretRef }
  | { type: 'notice'; severity: NoticeSeverity; text: string };

/** How a notice is styled and announced. */
export type NoticeSeverity = 'info' | 'error';

/** Messages from the page to the host. */
export type WebviewToHostMessage =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'rollback'; version: number }
  /** Copy the full user id of the version's author; the host looks the id up, the page sends none. */
  | { type: 'copyAuthorId'; version: number }
  | { type: 'signIn' }
  | { type: 'close' };

/** What the page keeps with `vscode.setState`, and what the panel serializer gets back after a reload. */
export interface HistoryPageState {
  ref: SecretRef;
  scrollY: number;
  /** The page drew the first state of its HTML: a rebuild of the page (same HTML) must not draw that old state again. */
  firstStateDrawn?: boolean;
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function isScope(value: unknown): value is 'global' | 'namespace' {
  return value === 'global' || value === 'namespace';
}

function isTimeView(value: unknown): value is TimeView {
  return isRecord(value) && isString(value.iso) && isString(value.exact) && isString(value.relative);
}

function isAuthorView(value: unknown): value is AuthorView {
  return (
    isRecord(value) &&
    (value.kind === 'you' || value.kind === 'user' || value.kind === 'unknown') &&
    isString(value.label) &&
    isString(value.description) &&
    (value.kind === 'unknown' ? value.id === undefined : isString(value.id))
  );
}

function isVersionRowView(value: unknown): value is VersionRowView {
  return (
    isRecord(value) &&
    isVersionNumber(value.version) &&
    isTimeView(value.created) &&
    isAuthorView(value.author) &&
    typeof value.isCurrent === 'boolean'
  );
}

function isExpiryView(value: unknown): value is TimeView & { expired: boolean } {
  return isTimeView(value) && 'expired' in value && typeof value.expired === 'boolean';
}

function isConnectionView(value: unknown): value is ConnectionView {
  return isRecord(value) && isString(value.name) && isString(value.url);
}

function isSecretHistoryView(value: unknown): value is SecretHistoryView {
  return (
    isRecord(value) &&
    isString(value.name) &&
    isOptional(isConnectionView)(value.connection) &&
    isScope(value.scope) &&
    isOptional(isString)(value.namespace) &&
    isString(value.variableName) &&
    isVersionNumber(value.currentVersion) &&
    isOptional(isString)(value.description) &&
    isOptional(isExpiryView)(value.expires) &&
    isTimeView(value.updated) &&
    isArrayOf(value.versions, isVersionRowView) &&
    isOptional(isSecretUsageView)(value.usage)
  );
}

function isNoticeSeverity(value: unknown): value is NoticeSeverity {
  return value === 'info' || value === 'error';
}

/** Checks a message that claims to come from the host; anything else is to be ignored. */
export function isHostToWebviewMessage(value: unknown): value is HostToWebviewMessage {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'loading':
    case 'deleted':
      return isSecretRef(value.ref);
    case 'history':
      return (
        isSecretRef(value.ref) && isSecretHistoryView(value.view) && isOptional(isVersionNumber)(value.pendingRollback)
      );
    case 'error':
      return isSecretRef(value.ref) && isString(value.message);
    case 'signedOut':
      return isSecretRef(value.ref) && typeof value.canSignIn === 'boolean';
    case 'notice':
      return isNoticeSeverity(value.severity) && isString(value.text);
    default:
      return false;
  }
}

/** Checks a message that claims to come from the page; anything else is logged and ignored. */
export function isWebviewToHostMessage(value: unknown): value is WebviewToHostMessage {
  if (!isRecord(value)) {
    return false;
  }
  switch (value.type) {
    case 'ready':
    case 'refresh':
    case 'signIn':
    case 'close':
      return true;
    case 'rollback':
    case 'copyAuthorId':
      return isVersionNumber(value.version);
    default:
      return false;
  }
}

/** Checks what a serializer was handed back before a panel is restored from it. */
export function isHistoryPageState(value: unknown): value is HistoryPageState {
  return (
    isRecord(value) &&
    isSecretRef(value.ref) &&
    typeof value.scrollY === 'number' &&
    Number.isFinite(value.scrollY) &&
    isOptional(isBoolean)(value.firstStateDrawn)
  );
}
