import type { SecretSummary } from '../api/secretTypes';
import type { ExpiryState } from '../../shared/expiry';
import type { ConnectionStatus } from './secretsStore';
import type { SecretRef } from '../../shared/secretRef';

/**
 * The data of the explorer tree's nodes, a union on `kind`, built by a pure
 * function from the store's state (treeModel.ts). The host turns each into
 * a TreeItem and nothing more; commands invoked from a node receive it.
 */
export type ExplorerNode = ConnectionNode | ScopeNode | NamespaceNode | SecretNode | MessageNode;

interface NodeBase {
  /** Stable across refreshes, so that expansion and selection survive them. */
  id: string;
  connectionId: string;
  label: string;
  description?: string;
}

/** A root: one server. */
export interface ConnectionNode extends NodeBase {
  kind: 'connection';
  status: ConnectionStatus;
  url: string;
  tooltip: string;
  children: ExplorerNode[];
}

/**
 * The secrets of a group (`Global` or a namespace) in display order, and the
 * description each row shows. The group's secret nodes are built from these
 * when its `children` are first read (when the group is expanded): at 50,000
 * secrets most groups never are. Comparing two trees compares these instead.
 */
export interface SecretRows {
  secrets: readonly SecretSummary[];
  descriptions: readonly string[];
}

/** `Global` or `Namespaces` under a connection. */
export interface ScopeNode extends NodeBase {
  kind: 'scope';
  scope: 'global' | 'namespaces';
  /** How many children, known without building them. */
  childCount: number;
  /** For `global`, built on first read from `rows`; not enumerable then. */
  children: ExplorerNode[];
  /** Set for `global`. */
  rows?: SecretRows;
}

/** One namespace under `Namespaces`. */
export interface NamespaceNode extends NodeBase {
  kind: 'namespace';
  namespace: string;
  childCount: number;
  /** Shown collapsed when VS Code first draws it (groupExpansion.ts): the connection lists many namespace secrets. */
  startsCollapsed: boolean;
  /** Built on first read from `rows`; not enumerable. */
  children: SecretNode[];
  rows: SecretRows;
}

/**
 * One secret. `ref` is what commands, the history panel and the code features act on.
 * It carries what its tooltip needs (secretTooltip.ts); the host builds the
 * tooltip only when it is shown.
 */
export interface SecretNode extends NodeBase {
  kind: 'secret';
  ref: SecretRef;
  secret: SecretSummary;
  expiry: ExpiryState;
  /** For a namespace secret: the global secrets it hides. */
  overrides: readonly SecretSummary[];
  /** For a global secret: the namespaces whose secrets hide it, sorted. */
  overriddenIn: readonly string[];
}

/** A line of text in place of content: loading, signed out, an error, an empty filter result. */
export interface MessageNode extends NodeBase {
  kind: 'message';
  severity: 'info' | 'warning' | 'error';
  /** What clicking the node (and its inline button) does. */
  action?: 'signIn' | 'refresh';
}
