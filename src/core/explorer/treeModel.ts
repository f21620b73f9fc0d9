import { namespaceGroupsStartCollapsed } from './groupExpansion';
import type { SecretSummary } from '../api/secretTypes';
import { runToEnd, type Steps } from '../slicedWork';
import type { ConnectionNode, ExplorerNode, MessageNode, NamespaceNode, ScopeNode } from './explorerNodes';
import { connectionTooltip, statsDescription } from './nodeDescriptions';
import { compareNames, overrideIndexSteps, STEP_SECRETS } from './overrides';
import { matchesFilter } from './secretFilter';
import { defineLazySecretChildren, pathSegment, secretRowsSteps, type SecretRowContext } from './secretRows';
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
  return runToEnd(explorerTreeSteps(states, options));
}

/**
 * {@link buildExplorerTree} as steps (core/slicedWork.ts), a step per
 * {@link STEP_SECRETS} secrets partitioned, indexed or described, per sort and per
 * namespace, so that the tree of 50,000 secrets can be built in slices that yield.
 * The tree is whole only at the end: nothing of it is returned before.
 */
export function* explorerTreeSteps(
  states: readonly ConnectionState[],
  options: TreeModelOptions,
): Steps<ConnectionNode[]> {
  const roots: ConnectionNode[] = [];
  for (const state of states) {
    roots.push(yield* connectionNodeSteps(state, options));
  }
  return roots;
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

function* connectionNodeSteps(state: ConnectionState, options: TreeModelOptions): Steps<ConnectionNode> {
  const id = pathSegment(state.id);
  const children = yield* connectionChildrenSteps(state, id, options);
  return {
    kind: 'connection',
    id,
    connectionId: state.id,
    label: state.name,
    description: connectionDescription(state),
    status: state.status,
    url: state.url,
    tooltip: connectionTooltip(state),
    children,
  };
}

function* connectionChildrenSteps(
  state: ConnectionState,
  id: string,
  options: TreeModelOptions,
): Steps<ExplorerNode[]> {
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
  for (let i = 0; i < state.secrets.length; i++) {
    if (i > 0 && i % STEP_SECRETS === 0) yield;
    const secret = state.secrets[i] as SecretSummary;
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
    overrides: yield* overrideIndexSteps(state.secrets),
    descriptions: new Map(),
  };
  const nodes: ExplorerNode[] = [];
  if (filter === '' || globals.length > 0) {
    globals.sort(byName);
    yield;
    const globalNode = {
      ...scopeNode(state, `${id}/global`, 'global', 'Global', plural(globals.length, 'secret'), globals.length),
      rows: yield* secretRowsSteps(globals, context),
    } as ScopeNode;
    defineLazySecretChildren(globalNode, context);
    nodes.push(globalNode);
  }
  if (filter === '' || namespaced.length > 0) {
    const byNamespace = groupByNamespace(namespaced);
    const names = [...byNamespace.keys()].sort(compareNames);
    const startsCollapsed = namespaceGroupsStartCollapsed(namespaced.length);
    yield;
    const namespaces: NamespaceNode[] = [];
    for (const namespace of names) {
      const inNamespace = byNamespace.get(namespace) ?? [];
      namespaces.push(yield* namespaceNodeSteps(`${id}/namespaces`, namespace, inNamespace, context, startsCollapsed));
      yield;
    }
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

function* namespaceNodeSteps(
  parentId: string,
  namespace: string,
  inNamespace: SecretSummary[],
  context: SecretRowContext,
  startsCollapsed: boolean,
): Steps<NamespaceNode> {
  const rows = yield* secretRowsSteps(inNamespace.sort(byName), context);
  const node = {
    kind: 'namespace',
    id: `${parentId}/${pathSegment(namespace)}`,
    connectionId: context.state.id,
    label: namespace,
    description: plural(inNamespace.length, 'secret'),
    namespace,
    childCount: inNamespace.length,
    startsCollapsed,
    rows,
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
