import * as vscode from 'vscode';
import type { CommandId } from '../core/commandIds';
import type { SignedInUser } from '../core/connections/signedInUsers';
import type { ExplorerNode, MessageNode, SecretNode } from '../core/explorer/explorerNodes';
import { DEFAULT_PROBLEM_SEVERITY, secretIcon, type ProblemSeverity } from '../core/explorer/problemSeverity';
import { secretTooltip, TOOLTIP_COMMANDS } from '../core/explorer/secretTooltip';
import type { SecretUsageView } from '../shared/secretUsage';

/**
 * The TreeItem of a node. Everything it shows was computed by the pure tree
 * model; this only picks icons, context values and collapsible states.
 * Context values: `connection.signedIn`, `connection.signedOut`,
 * `scope.global`, `scope.namespaces`, `namespace`, `secret` (`secret.expiring`,
 * `secret.expired`), `message.signIn`, `message.refresh`, `message`.
 * `severity` is `fluxbaseSecrets.diagnostics.severity`: a secret's icon follows it.
 * A secret's tooltip is left out: it is built on hover (`secretTooltipMarkdown`).
 */
export function treeItemFor(node: ExplorerNode, severity: ProblemSeverity = DEFAULT_PROBLEM_SEVERITY): vscode.TreeItem {
  switch (node.kind) {
    case 'connection': {
      const signedOut = node.status === 'signedOut' || node.status === 'sessionExpired';
      return item(node, vscode.TreeItemCollapsibleState.Expanded, {
        contextValue: signedOut ? 'connection.signedOut' : 'connection.signedIn',
        iconPath: connectionIcon(node.status),
        tooltip: node.tooltip,
      });
    }
    case 'scope':
      return item(node, collapsible(node.childCount), {
        contextValue: node.scope === 'global' ? 'scope.global' : 'scope.namespaces',
        iconPath: new vscode.ThemeIcon(node.scope === 'global' ? 'globe' : 'layers'),
      });
    case 'namespace':
      return item(
        node,
        node.startsCollapsed ? vscode.TreeItemCollapsibleState.Collapsed : collapsible(node.childCount),
        {
          contextValue: 'namespace',
          // Not the `folder` codicon: VS Code treats that one as a file-icon-theme folder and misaligns the children.
          iconPath: new vscode.ThemeIcon('symbol-namespace'),
          tooltip: `Namespace ${node.namespace}`,
        },
      );
    case 'secret':
      return secretItem(node, severity);
    case 'message':
      return messageItem(node);
  }
}

/** A secret's markdown tooltip at `now`, trusted to run only the commands it links to. */
export function secretTooltipMarkdown(
  node: SecretNode,
  now: number,
  currentUser?: SignedInUser,
  usage?: SecretUsageView,
): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(
    secretTooltip({
      ...node,
      now,
      ...(currentUser === undefined ? {} : { currentUser }),
      ...(usage === undefined ? {} : { usage }),
    }),
  );
  tooltip.isTrusted = { enabledCommands: [...TOOLTIP_COMMANDS] };
  return tooltip;
}

/** A secret row: its icon is that of its expiry's severity, the one rule Problems follows too (problemSeverity.ts). */
function secretItem(node: SecretNode, severity: ProblemSeverity): vscode.TreeItem {
  const icon = secretIcon(node.expiry, severity);
  return item(node, vscode.TreeItemCollapsibleState.None, {
    contextValue: { active: 'secret', expiring: 'secret.expiring', expired: 'secret.expired' }[node.expiry],
    iconPath: new vscode.ThemeIcon(icon.id, icon.color === undefined ? undefined : new vscode.ThemeColor(icon.color)),
  });
}

function messageItem(node: MessageNode): vscode.TreeItem {
  const icon = { info: 'info', warning: 'warning', error: 'error' }[node.severity];
  const color = { info: undefined, warning: 'list.warningForeground', error: 'list.errorForeground' }[node.severity];
  const command: vscode.Command | undefined =
    node.action === 'signIn'
      ? { command: 'fluxbaseSecrets.signIn' satisfies CommandId, title: 'Sign In', arguments: [node.connectionId] }
      : node.action === 'refresh'
        ? { command: 'fluxbaseSecrets.refresh' satisfies CommandId, title: 'Retry', arguments: [node.connectionId] }
        : undefined;
  return item(node, vscode.TreeItemCollapsibleState.None, {
    contextValue: node.action ? `message.${node.action}` : 'message',
    iconPath: new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined),
    tooltip: node.label,
    ...(command ? { command } : {}),
  });
}

function connectionIcon(status: Extract<ExplorerNode, { kind: 'connection' }>['status']): vscode.ThemeIcon {
  switch (status) {
    case 'ready':
      return new vscode.ThemeIcon('server');
    case 'loading':
      return new vscode.ThemeIcon('loading~spin');
    case 'signedOut':
      return new vscode.ThemeIcon('debug-disconnect');
    case 'sessionExpired':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  }
}

function collapsible(children: number): vscode.TreeItemCollapsibleState {
  return children > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
}

function item(
  node: ExplorerNode,
  state: vscode.TreeItemCollapsibleState,
  extra: Partial<vscode.TreeItem>,
): vscode.TreeItem {
  const treeItem = new vscode.TreeItem(node.label, state);
  treeItem.id = node.id;
  treeItem.description = node.description;
  Object.assign(treeItem, extra);
  return treeItem;
}
