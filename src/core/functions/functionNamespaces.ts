import type { CodeUnit, RunnableUnit, SharedModule } from './codeUnit';
import { declaredNamespacesFor, type NamespaceMapping } from './declaredNamespaces';

/** A function or job as a connection's registry lists it. */
export interface DeployedUnit {
  name: string;
  /** `""` for functions created by the server's filesystem loader or `functions create` (contract part 2, §1.3, §1.4). */
  namespace: string;
}

/** One list call's outcome: the units, or why the connection could not say (the features then fall back silently). */
export type RegistryListing =
  { state: 'listed'; units: readonly DeployedUnit[] } | { state: 'unavailable'; reason: string };

/** What one connection's registry said at the last refresh. */
export interface ConnectionRegistry {
  functions: RegistryListing;
  jobs: RegistryListing;
}

/** Where a namespace comes from, strongest first. */
export type NamespaceSource = 'deployed' | 'declared' | 'default';

/** The namespace `fluxbase functions sync` and `jobs sync` use without `--namespace`. */
export const DEFAULT_NAMESPACE = 'default';

/** One namespace a file runs in on one connection. */
export interface UnitNamespace {
  /** `""` means deployed without a namespace: only global secrets reach it. */
  namespace: string;
  source: NamespaceSource;
  /** For a `_shared/` module: the functions or jobs that run there and can import it. */
  via?: string[];
}

/** The namespaces of a file on one signed-in connection. */
export interface ConnectionNamespaces {
  connectionId: string;
  connectionName: string;
  namespaces: UnitNamespace[];
  /** Why deployed namespaces are not known on this connection; absent when its registry was listed. */
  unavailable?: string;
}

/** A function, job or shared module and where it runs on each connection. */
export interface FunctionContext {
  unit: RunnableUnit | SharedModule;
  connections: ConnectionNamespaces[];
}

/** A signed-in connection and its registry (undefined until the first refresh lists it). */
export interface RegistryConnection {
  id: string;
  name: string;
  registry: ConnectionRegistry | undefined;
}

const SOURCE_RANK: Record<NamespaceSource, number> = { deployed: 0, declared: 1, default: 2 };

/**
 * Where a file runs, per connection: deployed namespaces when the registry
 * lists a unit of that name, else the namespaces the setting declares, else
 * `default`. A `_shared/` module runs in every namespace of the units of its
 * directory. Undefined for files that are not functions, jobs or shared
 * modules of a directory that has any.
 */
export function resolveFunctionContext(
  unit: CodeUnit,
  connections: readonly RegistryConnection[],
  mapping: NamespaceMapping,
): FunctionContext | undefined {
  if (unit.kind === 'none' || (unit.kind === 'shared' && unit.importers.length === 0)) {
    return undefined;
  }
  return {
    unit,
    connections: connections.map((connection) => {
      const listing = connection.registry?.[listingKey(unit)];
      const namespaces =
        unit.kind === 'shared'
          ? sharedNamespaces(unit, listing, mapping)
          : unitNamespaces(unit, listing, mapping).map((n) => ({ ...n }));
      return {
        connectionId: connection.id,
        connectionName: connection.name,
        namespaces,
        ...unavailableReason(listing),
      };
    }),
  };
}

function listingKey(unit: RunnableUnit | SharedModule): keyof ConnectionRegistry {
  if (unit.kind === 'shared') {
    return unit.resource;
  }
  return unit.kind === 'function' ? 'functions' : 'jobs';
}

function unavailableReason(listing: RegistryListing | undefined): { unavailable?: string } {
  if (!listing) {
    return { unavailable: 'not listed yet' };
  }
  return listing.state === 'unavailable' ? { unavailable: listing.reason } : {};
}

/** One function's or job's namespaces on one connection, by the precedence deployed, declared, default. */
export function unitNamespaces(
  unit: RunnableUnit,
  listing: RegistryListing | undefined,
  mapping: NamespaceMapping,
): UnitNamespace[] {
  if (listing?.state === 'listed') {
    const deployed = [...new Set(listing.units.filter((u) => u.name === unit.name).map((u) => u.namespace))].sort();
    if (deployed.length > 0) {
      return deployed.map((namespace) => ({ namespace, source: 'deployed' }));
    }
  }
  const declared = declaredNamespacesFor(mapping, unit.root);
  if (declared) {
    return declared.namespaces.map((namespace) => ({ namespace, source: 'declared' }));
  }
  return [{ namespace: DEFAULT_NAMESPACE, source: 'default' }];
}

function sharedNamespaces(
  shared: SharedModule,
  listing: RegistryListing | undefined,
  mapping: NamespaceMapping,
): UnitNamespace[] {
  const merged = new Map<string, UnitNamespace & { via: string[] }>();
  for (const importer of shared.importers) {
    for (const { namespace, source } of unitNamespaces(importer, listing, mapping)) {
      const known = merged.get(namespace);
      if (!known) {
        merged.set(namespace, { namespace, source, via: [importer.name] });
        continue;
      }
      known.via.push(importer.name);
      if (SOURCE_RANK[source] < SOURCE_RANK[known.source]) {
        known.source = source;
      }
    }
  }
  return [...merged.values()].sort((a, b) => a.namespace.localeCompare(b.namespace));
}

/** `billing`, or `(no namespace)` for `""`: for plain-text messages. */
export function namespaceLabel(namespace: string): string {
  return namespace === '' ? '(no namespace)' : namespace;
}

/** How a source reads in tooltips and hovers. */
export function describeSource(source: NamespaceSource): string {
  switch (source) {
    case 'deployed':
      return 'deployed';
    case 'declared':
      return 'declared in the namespace setting';
    case 'default':
      return 'default: sync without --namespace';
  }
}

/** `this function`, `this job`, `this shared module`: for labels. */
export function contextNoun(context: FunctionContext): string {
  return context.unit.kind === 'shared' ? 'this shared module' : `this ${context.unit.kind}`;
}
