import type { SecretRef } from '../../shared/secretRef';

/**
 * The Secrets tree view as command handlers see it. The host implements it
 * over its TreeView; where there is no tree (unit tests, other hosts) the
 * port is absent and commands ask instead.
 */
export interface ExplorerViewPort {
  /**
   * For a key pressed in the focused tree: the secret of the row the keyboard
   * is on, which becomes the selected row (as Enter makes it). Undefined when
   * that row is not a secret.
   */
  focusedSecret(): Promise<SecretRef | undefined>;
  /**
   * Shows the secret's row (expanding its parents) and selects it; moves
   * keyboard focus into the tree only when `focus`. Never rejects: a secret
   * that the tree does not show (a filter hides it) is left alone.
   */
  revealSecret(ref: SecretRef, options: { focus: boolean }): Promise<void>;
}
