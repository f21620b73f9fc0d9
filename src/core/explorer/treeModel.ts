import type { SecretSummary } from '../api/secretTypes';
import { expiryStateOf } from '../../shared/expiry';
import type { ConnectionNode, ExplorerNode, MessageNode, NamespaceNode, ScopeNode, SecretNode } from './explorerNodes';
import { compareNames, createOverrideIndex, type OverrideIndex } from './overrides';
import { connectionTooltip, secretDescription, statsDescription } from './nodeDescriptions';
import { matchesFilter } from './secretFilter';
import { secretRefOf } from './secretRef';
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
  const id = encodeURIComponent(state.id);
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
  const shown = state.secrets.filter((secret) => matchesFilter(secret, filter));
  if (filter !== '' && shown.length === 0) {
    return [message(`No secret matches "${filter}"`, 'info')];
  }
  const globals = shown.filter((secret) => secret.scope === 'global');
  const namespaced = shown.filter((secret) => secret.scope === 'namespace');
  const context: SecretNodeContext = {
    state,
    now: new Date(options.now),
    overrides: createOverrideIndex(state.secrets),
  };
  const nodes: ExplorerNode[] = [];
  if (filter === '' || globals.length > 0) {
    const children = globals.sort(byName).map((secret) => secretNode(secret, `${id}/global`, context));
    nodes.push(scopeNode(state, `${id}/global`, 'global', 'Global', plural(globals.length, 'secret'), children));
  }
  if (filter === '' || namespaced.length > 0) {
    const byNamespace = groupByNamespace(namespaced);
    const namespaces = [...byNamespace.keys()]
      .sort(compareNames)
      .map((namespace) => namespaceNode(`${id}/namespaces`, namespace, byNamespace.get(namespace) ?? [], context));
    const description = plural(namespaces.length, 'namespace');
    nodes.push(scopeNode(state, `${id}/namespaces`, 'namespaces', 'Namespaces', description, namespaces));
  }
  return nodes;
}

function scopeNode(
  state: ConnectionState,
  id: string,
  scope: ScopeNode['scope'],
  label: string,
  description: string,
  children: ExplorerNode[],
): ScopeNode {
  return { kind: 'scope', id, connectionId: state.id, scope, label, description, children };
}

/** What every secret node of one connection is built with: the state, the time, and its override index. */
interface SecretNodeContext {
  state: ConnectionState;
  now: Date;
  overrides: OverrideIndex;
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
  context: SecretNodeContext,
): NamespaceNode {
  const id = `${parentId}/${encodeURIComponent(namespace)}`;
  const children = inNamespace.sort(byName).map((secret) => secretNode(secret, id, context));
  return {
    kind: 'namespace',
    id,
    connectionId: context.state.id,
    label: namespace,
    description: plural(children.length, 'secret'),
    namespace,
    children,
  };
}

function secretNode(secret: SecretSummary, parentId: string, context: SecretNodeContext): SecretNode {
  const { state, now } = context;
  const ref = secretRefOf(state.id, secret);
  const expiry = expiryStateOf(secret, now);
  const overrides = context.overrides.overriddenGlobals(secret);
  const overriddenIn = context.overrides.overridingNamespaces(secret);
  return {
    kind: 'secret',
    id: `${parentId}/${encodeURIComponent(secret.id)}`,
    connectionId: state.id,
    label: secret.name,
    description: secretDescription(secret, expiry, overrides.length > 0, now),
    ref,
    secret,
    expiry,
    overrides,
    overriddenIn,
  };
}

function byName(a: SecretSummary, b: SecretSummary): number {
  return compareNames(a.name, b.name);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
