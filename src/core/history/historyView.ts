import type { Secret, SecretVersion } from '../api/secretTypes';
import type { SignedInUser } from '../connections/signedInUsers';
import { secretVariableName } from '../secretVariable';
import { formatRelativeTime } from '../../shared/time';
import type { SecretRef } from '../../shared/secretRef';
import type { SecretUsageView } from '../../shared/secretUsage';
import type { ConnectionView, SecretHistoryView, TimeView, VersionRowView } from '../../shared/historyProtocol';
import { connectionTitleSuffix } from '../connections/connectionNaming';
import { authorView } from '../connections/authorView';

/** The clock, the exact-time format and who is signed in (for "You"); tests fix all three. */
export interface HistoryViewOptions {
  now: Date;
  formatExactTime: (date: Date) => string;
  /** The signed-in user; undefined for a service key or when the server would not say. */
  currentUser?: SignedInUser;
  /** The secret's connection, for the page's header. */
  connection?: ConnectionView;
  /** Where the workspace reads the variable; absent without a workspace index. */
  usage?: SecretUsageView;
}

function timeView(iso: string, options: HistoryViewOptions): TimeView {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    // A malformed time is shown as sent rather than as "Invalid Date".
    return { iso, exact: iso, relative: iso };
  }
  return { iso, exact: options.formatExactTime(date), relative: formatRelativeTime(date, options.now) };
}

function expiryView(expiresAt: string, options: HistoryViewOptions): TimeView & { expired: boolean } {
  const time = timeView(expiresAt, options);
  return { ...time, expired: new Date(expiresAt).getTime() <= options.now.getTime() };
}

/**
 * Builds what the page shows from the secret and its versions: versions
 * newest first whatever order they came in, the one equal to the secret's
 * version marked current, each with its author (see authorView).
 */
export function buildHistoryView(
  secret: Secret,
  versions: readonly SecretVersion[],
  options: HistoryViewOptions,
): SecretHistoryView {
  const rows: VersionRowView[] = [...versions]
    .sort((a, b) => b.version - a.version)
    .map((row) => ({
      version: row.version,
      created: timeView(row.created_at, options),
      author: authorView(row.created_by, options.currentUser),
      isCurrent: row.version === secret.version,
    }));
  return {
    name: secret.name,
    ...(options.connection === undefined ? {} : { connection: options.connection }),
    scope: secret.scope,
    ...(secret.namespace === undefined ? {} : { namespace: secret.namespace }),
    variableName: secretVariableName(secret.name),
    currentVersion: secret.version,
    ...(secret.description === undefined ? {} : { description: secret.description }),
    ...(secret.expires_at === undefined ? {} : { expires: expiryView(secret.expires_at, options) }),
    updated: timeView(secret.updated_at, options),
    versions: rows,
    ...(options.usage === undefined ? {} : { usage: options.usage }),
  };
}

/**
 * The panel's tab title, e.g. "History: STRIPE_KEY (billing)", and with two
 * or more connections also the secret's, e.g. "History: STRIPE_KEY — prod".
 */
export function historyPanelTitle(ref: SecretRef, connections: readonly ConnectionNaming[] = []): string {
  const connection = connections.find((candidate) => candidate.id === ref.connectionId);
  const suffix = connection === undefined ? '' : connectionTitleSuffix(connection, connections.length);
  return ref.scope === 'namespace' && ref.namespace !== undefined
    ? `History: ${ref.name} (${ref.namespace})${suffix}`
    : `History: ${ref.name}${suffix}`;
}

/** What titles and headers need of a connection. */
export interface ConnectionNaming {
  id: string;
  name: string;
  url: string;
}

/** The key under which one panel per secret is kept: its connection and server id (a rename keeps the panel). */
export function historyPanelKey(ref: SecretRef): string {
  return JSON.stringify([ref.connectionId, ref.id]);
}
