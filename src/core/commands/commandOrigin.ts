/**
 * Where a command was run from, as far as its argument tells: a row of the
 * tree (its inline button or context menu pass the node), or a key pressed in
 * the focused Secrets view. VS Code passes no tree element to a command run
 * by a keybinding, so the view's keybindings pass {@link SECRETS_VIEW_KEY_ARGUMENT}
 * (package.json `contributes.keybindings[].args`) and the command acts on the
 * row the keyboard is on (ExplorerViewPort.focusedSecret).
 */

/** The id of the Secrets view in the Fluxbase container. */
export const SECRETS_VIEW_ID = 'fluxbaseSecrets.secretsView';

/** What the Secrets view's keybindings pass: "the row the keyboard is on in the focused Secrets view". */
export const SECRETS_VIEW_KEY_ARGUMENT = { focusedView: SECRETS_VIEW_ID } as const;

const TREE_NODE_KINDS: ReadonlySet<unknown> = new Set(['connection', 'scope', 'namespace', 'secret', 'message']);

/** Whether `arg` is what a Secrets view keybinding passes. */
export function isSecretsViewKeyArgument(arg: unknown): boolean {
  return (
    typeof arg === 'object' &&
    arg !== null &&
    (arg as { focusedView?: unknown }).focusedView === SECRETS_VIEW_KEY_ARGUMENT.focusedView
  );
}

/** Whether `arg` is a node of the Secrets tree (the command was run from a row). */
export function isTreeNodeArgument(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && TREE_NODE_KINDS.has((arg as { kind?: unknown }).kind);
}

/** Whether the command was run from inside the Secrets view: from a row, or by a key while the view had focus. */
export function ranInSecretsView(arg: unknown): boolean {
  return isTreeNodeArgument(arg) || isSecretsViewKeyArgument(arg);
}
