import type { SecretSummary } from '../api/secretTypes';
import type { ConnectionNode, ExplorerNode, MessageNode, NamespaceNode, ScopeNode } from './explorerNodes';
import { connectionTooltip, statsDescription } from './nodeDescriptions';
import { compareNames, createOverrideIndex } from './overrides';
import { matchesFilter } from './secretFilter';
import { defineLazySecretChildren, pathSegment, secretRows, type SecretRowContext } from './secretRows';
import type { ConnectionState } from './secretsStore';

/** What the tree is drawn with besides the store's state. */
export interface TreeModelOptions {
  now: number;
  /** Filter text; empty or undefined shows everything. */
  filter?: string;
}

/**
 * Maps the store's state to the explorer's nodes: each connection, then
 * `Global` and `Namespaces`, then each namespace, then its secrets sorted by
 * name. A connection that is not ready gets one message node instead
 * (signed out and session expired offer sign-in, an error offers a retry).
 * With a filter, only matching secrets and the groups that hold them stay.
 */
export function buildExplorerTree(states: readonly ConnectionState[], options: TreeModelOptions): ConnectionNode[] {
  return states.map((state) => connectionNode(state, options));
}

/** Whether some connection is signed in (its session may be loading, listed or failing): the walkthrough's "Connect" step is done. */
export function anyConnectionSignedIn(states: readonly ConnectionState[]): boolean {
  return states.some((state) => state.status !== 'signedOut' && state.status !== 'sessionExpired');
}

/** The connection node's description: its stats when ready, else its status. */
export function connectionDescription(state: ConnectionState): string {
  switch (state.status) {
    case 'ready': {
      return statsDescription(state.stats ?? { total: state.secrets.length, expiring_soon: 0, expired: 0 });
    }
    case 'loading':
      return 'loading…';
    case 'signedOut':
      return 'signed out';
    case 'sessionExpired':
      return 'session expired';
    case 'error':
      return 'error';
  }
}

function connectionNode(state: ConnectionState, options: TreeModelOptions): ConnectionNode {
  const id = pathSegment(state.id);
  return {
    kind: 'connection',
    id,
    connectionId: state.id,
    label: state.name,
    description: connectionDescription(state),
    status: state.status,
    url: state.url,
    tooltip: connectionTooltip(state),
    children: connectionChildren(state, id, options),
  };
}

function connectionChildren(state: ConnectionState, id: string, options: TreeModelOptions): ExplorerNode[] {
  const message = (text: string, severity: MessageNode['severity'], action?: MessageNode['action']): MessageNode => ({
    kind: 'message',
    id: `${id}/message`,
    connectionId: state.id,
    label: text,
    severity,
    ...(action ? { action } : {}),
  });
  switch (state.status) {
    case 'signedOut':
      return [message('Sign in to see the secrets', 'info', 'signIn')];
    case 'sessionExpired':
      return [message(`Session expired: sign in again${state.error ? ` (${state.error})` : ''}`, 'warning', 'signIn')];
    case 'loading':
      return [message('Loading…', 'info')];
    case 'error':
      return [message(state.error ?? 'Could not load the secrets', 'error', 'refresh')];
    case 'ready':
      break;
  }

  const filter = options.filter?.trim() ?? '';
  const globals: SecretSummary[] = [];
  const namespaced: SecretSummary[] = [];
  for (const secret of state.secrets) {
    if (filter !== '' && !matchesFilter(secret, filter)) {
      continue;
    }
    if (secret.scope === 'global') {
      globals.push(secret);
    } else if (secret.scope === 'namespace') {
      namespaced.push(secret);
    }
  }
  if (filter !== '' && globals.length === 0 && namespaced.length === 0) {
    return [message(`No secret matches "${filter}"`, 'info')];
  }
  const context: SecretRowContext = {
    state,
    now: new Date(options.now),
    overrides: createOverrideIndex(state.secrets),
    descriptions: new Map(),
  };
  const nodes: ExplorerNode[] = [];
  if (filter === '' || globals.length > 0) {
    const globalNode = {
      ...scopeNode(state, `${id}/global`, 'global', 'Global', plural(globals.length, 'secret'), globals.length),
      rows: secretRows(globals.sort(byName), context),
    } as ScopeNode;
    defineLazySecretChildren(globalNode, context);
    nodes.push(globalNode);
  }
  if (filter === '' || namespaced.length > 0) {
    const byNamespace = groupByNamespace(namespaced);
    const namespaces = [...byNamespace.keys()]
      .sort(compareNames)
      .map((namespace) => namespaceNode(`${id}/namespaces`, namespace, byNamespace.get(namespace) ?? [], context));
    const description = plural(namespaces.length, 'namespace');
    nodes.push({
      ...scopeNode(state, `${id}/namespaces`, 'namespaces', 'Namespaces', description, namespaces.length),
      children: namespaces,
    });
  }
  return nodes;
}

function scopeNode(
  state: ConnectionState,
  id: string,
  scope: ScopeNode['scope'],
  label: string,
  description: string,
  childCount: number,
): Omit<ScopeNode, 'children'> {
  return { kind: 'scope', id, connectionId: state.id, scope, label, description, childCount };
}

/** The namespace secrets by namespace, in one pass (filtering once per namespace is quadratic). */
function groupByNamespace(namespaced: readonly SecretSummary[]): Map<string, SecretSummary[]> {
  const groups = new Map<string, SecretSummary[]>();
  for (const secret of namespaced) {
    if (secret.namespace === undefined) {
      continue;
    }
    const group = groups.get(secret.namespace);
    if (group) {
      group.push(secret);
    } else {
      groups.set(secret.namespace, [secret]);
    }
  }
  return groups;
}

function namespaceNode(
  parentId: string,
  namespace: string,
  inNamespace: SecretSummary[],
  context: SecretRowContext,
): NamespaceNode {
  const node = {
    kind: 'namespace',
    id: `${parentId}/${pathSegment(namespace)}`,
    connectionId: context.state.id,
    label: namespace,
    description: plural(inNamespace.length, 'secret'),
    namespace,
    childCount: inNamespace.length,
    rows: secretRows(inNamespace.sort(byName), context),
  } as NamespaceNode;
  defineLazySecretChildren(node, context);
  return node;
}

function byName(a: SecretSummary, b: SecretSummary): number {
  return compareNames(a.name, b.name);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
