import type * as vscode from 'vscode';
import type { Connection } from '../core/connections/connection';
import type { ConnectionNode, ExplorerNode } from '../core/explorer/explorerNodes';
import type { SecretsStore } from '../core/explorer/secretsStore';
import type { UserInput } from '../core/userInput';
import type { CodeDialogs } from './code/codeDialogs';

/**
 * Hooks for the integration tests, which run inside the same extension host.
 * Not a public API: only exported when the extension runs in Test or
 * Development mode (see `activate` in src/extension.ts).
 */
export interface FluxbaseSecretsTestingApi {
  /** Answers every question of every command with `input` (undefined restores VS Code's own boxes). */
  setUserInput(input: UserInput | undefined): void;
  /** Answers the import preview's check boxes and the open and save dialogs (undefined restores VS Code's own). */
  setCodeDialogs(dialogs: CodeDialogs | undefined): void;
  /** Whether SecretStorage holds credentials for the connection. */
  hasStoredCredentials(connectionId: string): Promise<boolean>;
  /** The connections the explorer shows. */
  connections(): readonly Connection[];
  /** The root nodes the Secrets view shows now (one per connection, with their children). */
  tree(): readonly ConnectionNode[];
  /** The TreeItem the view draws for a node. */
  treeItem(node: ExplorerNode): vscode.TreeItem;
  /** The TreeItem as VS Code shows it on hover, after `resolveTreeItem` (a secret's tooltip is added then). */
  resolvedTreeItem(node: ExplorerNode): vscode.TreeItem;
  /** The rows selected in the Secrets view now. */
  treeSelection(): readonly ExplorerNode[];
  /** Whether the Secrets view is on screen. */
  treeVisible(): boolean;
  /** The function status bar item as shown now (undefined while hidden). */
  functionStatus(): { text: string; tooltip: string; command: vscode.Command | undefined } | undefined;
  /** Waits until the layout of the document's workspace folder is known. */
  functionLayoutReady(uri: vscode.Uri): Promise<void>;
  /** Waits until the workspace reference index has indexed everything queued so far. */
  referencesIndexed(): Promise<void>;
}

/** What `activate()` returns in Test and Development mode; in Production it returns undefined. */
export interface FluxbaseSecretsApi {
  /** The explorer's store: per-connection state, signed-in clients, change events. */
  readonly store: SecretsStore;
  /** For tests only. */
  readonly testing: FluxbaseSecretsTestingApi;
}
