import type { Secret, SecretVersion } from '../api/secretTypes';
import type { SignedInUser } from '../connections/signedInUsers';
import type { Disposable } from '../../shared/disposable';
import type { SecretRef } from '../../shared/secretRef';
import type { ConnectionNaming } from './historyView';

/**
 * What the history panel needs from the rest of the extension. The host
 * implements it over the explorer's store; tests pass a fake. Every method
 * throws a `FluxbaseApiError` on failure (`notFound` when the secret is gone,
 * `auth` when the session is).
 */
export interface HistorySource {
  getSecret(ref: SecretRef): Promise<Secret>;
  /** The secret's versions, in any order; an unknown secret gives `[]`. */
  getVersions(ref: SecretRef): Promise<SecretVersion[]>;
  /** Rolls back to `version`; the server makes a new version and returns the re-read secret. */
  rollback(ref: SecretRef, version: number): Promise<Secret>;
  /** Fires when anything the explorer holds may have changed (a write, a refresh, sign-in or sign-out). */
  onDidChange(listener: () => void): Disposable;
  isSignedIn(connectionId: string): boolean;
  /**
   * Who is signed in to the connection, to mark their versions "You";
   * undefined for a service key or when unknown. Remembered per session.
   * Optional: a source without it shows no "You", and a rejection counts as unknown.
   */
  currentUser?(connectionId: string): Promise<SignedInUser | undefined>;
  /** Every connection, in order: history titles and confirmations name the secret's when there are several. */
  connections?(): readonly ConnectionNaming[];
  /** Asks the explorer to refetch the connection's secrets, so that the tree shows a rollback. */
  refresh(connectionId: string): void | Promise<void>;
}
