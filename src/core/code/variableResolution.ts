import { secretVariableName } from '../secretVariable';
import { expiryStateOf, type ExpiryState } from '../../shared/expiry';
import type { CatalogEntry } from '../explorer/secretCatalog';

/** A secret that provides a variable, with its expiry state at resolution time. */
export interface ProvidingSecret {
  entry: CatalogEntry;
  state: ExpiryState;
}

/** The secrets of one namespace that provide the variable, and how they relate to the global ones. */
export interface NamespaceProviders {
  namespace: string;
  secrets: ProvidingSecret[];
  /** A usable namespace secret wins over a usable global one for functions of this namespace. */
  overridesGlobal: boolean;
  /** Every namespace secret expired, so functions of this namespace get the global value. */
  fallsBackToGlobal: boolean;
}

/** What one connection provides for the variable. More than one secret per group means names that differ only in case. */
export interface ConnectionProviders {
  connectionId: string;
  connectionName: string;
  global: ProvidingSecret[];
  namespaces: NamespaceProviders[];
}

/** Overall state: nothing provides it, or the worst expiry state among its providers. */
export type ResolutionStatus = 'unknown' | ExpiryState;

/** Which secrets provide an environment variable, per connection. */
export interface VariableResolution {
  variable: string;
  status: ResolutionStatus;
  connections: ConnectionProviders[];
  /** Every providing secret, flattened in display order. */
  providers: ProvidingSecret[];
}

/** Groups catalog entries by the environment variable they provide (contract §5). */
export function indexByVariable(entries: readonly CatalogEntry[]): Map<string, CatalogEntry[]> {
  const index = new Map<string, CatalogEntry[]>();
  for (const entry of entries) {
    const variable = secretVariableName(entry.secret.name);
    const list = index.get(variable);
    if (list) {
      list.push(entry);
    } else {
      index.set(variable, [entry]);
    }
  }
  return index;
}

/**
 * Resolves `variable` against the entries that provide it (for instance
 * `indexByVariable(...).get(variable) ?? []`). At run time a function gets the
 * global secrets plus those of its namespace, expired ones left out, the
 * namespace one winning (contract §5); this reports that per connection.
 */
export function resolveVariable(
  variable: string,
  providingEntries: readonly CatalogEntry[],
  now: Date,
): VariableResolution {
  const byConnection = new Map<string, ConnectionProviders>();
  // one map per connection: a name used in 1,000 namespaces made a search of the groups per secret quadratic
  const groups = new Map<ConnectionProviders, Map<string, NamespaceProviders>>();
  for (const entry of providingEntries) {
    let connection = byConnection.get(entry.connectionId);
    if (!connection) {
      connection = {
        connectionId: entry.connectionId,
        connectionName: entry.connectionName,
        global: [],
        namespaces: [],
      };
      byConnection.set(entry.connectionId, connection);
    }
    const provider: ProvidingSecret = { entry, state: expiryStateOf(entry.secret, now) };
    if (entry.secret.scope === 'namespace' && entry.secret.namespace !== undefined) {
      namespaceGroup(connection, groups, entry.secret.namespace).secrets.push(provider);
    } else {
      connection.global.push(provider);
    }
  }
  const connections = [...byConnection.values()];
  for (const connection of connections) {
    finishConnection(connection);
  }
  const providers = connections.flatMap((c) => [...c.global, ...c.namespaces.flatMap((n) => n.secrets)]);
  return { variable, status: worstState(providers), connections, providers };
}

function namespaceGroup(
  connection: ConnectionProviders,
  groups: Map<ConnectionProviders, Map<string, NamespaceProviders>>,
  namespace: string,
): NamespaceProviders {
  let byNamespace = groups.get(connection);
  if (!byNamespace) {
    byNamespace = new Map();
    groups.set(connection, byNamespace);
  }
  let group = byNamespace.get(namespace);
  if (!group) {
    group = { namespace, secrets: [], overridesGlobal: false, fallsBackToGlobal: false };
    connection.namespaces.push(group);
    byNamespace.set(namespace, group);
  }
  return group;
}

/** `localeCompare`'s order (the default locale), with one collator instead of one per call; made on first use. */
let defaultCollator: Intl.Collator | undefined;

function finishConnection(connection: ConnectionProviders): void {
  const { compare } = (defaultCollator ??= new Intl.Collator());
  const byName = (a: ProvidingSecret, b: ProvidingSecret) => compare(a.entry.secret.name, b.entry.secret.name);
  connection.global.sort(byName);
  connection.namespaces.sort((a, b) => compare(a.namespace, b.namespace));
  const globalUsable = connection.global.some(isUsable);
  for (const group of connection.namespaces) {
    group.secrets.sort(byName);
    const namespaceUsable = group.secrets.some(isUsable);
    group.overridesGlobal = namespaceUsable && globalUsable;
    group.fallsBackToGlobal = !namespaceUsable && globalUsable;
  }
}

function isUsable(provider: ProvidingSecret): boolean {
  return provider.state !== 'expired';
}

function worstState(providers: readonly ProvidingSecret[]): ResolutionStatus {
  if (providers.length === 0) {
    return 'unknown';
  }
  if (providers.some((p) => p.state === 'expired')) {
    return 'expired';
  }
  return providers.some((p) => p.state === 'expiring') ? 'expiring' : 'active';
}
