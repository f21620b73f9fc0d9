import type { Credentials } from '../api/authTypes';
import { FluxbaseApiError } from '../api/fluxbaseApiError';
import { Emitter, type Disposable } from '../../shared/disposable';
import type { Logger } from '../../shared/logger';
import type { ConnectionRegistry, DeployedUnit, RegistryListing } from './functionNamespaces';

/** The part of a client the listing needs: the two list calls and which credential it holds. */
export interface RegistryClient {
  readonly auth: { readonly credentials: Credentials };
  readonly registry: {
    listFunctions(): Promise<readonly DeployedUnit[]>;
    listJobFunctions(): Promise<readonly DeployedUnit[]>;
  };
}

/** Why a service key is not even tried on the jobs list (contract part 3, §0.1 B, §7). */
export const SERVICE_KEY_CANNOT_LIST_JOBS = 'a service key cannot list jobs: the admin route takes a dashboard sign-in';

/**
 * Lists where functions and jobs are deployed on one connection: one call
 * each, the jobs call skipped for a service key (admin routes never read
 * it). A credential that cannot list (403), a server without the route
 * (404) or any other failure becomes an `unavailable` listing with the
 * reason; this never rejects, so the features fall back silently.
 */
export async function listConnectionRegistry(client: RegistryClient): Promise<ConnectionRegistry> {
  const serviceKey = client.auth.credentials.type === 'serviceKey';
  const [functions, jobs] = await Promise.all([
    listing(() => client.registry.listFunctions(), 'functions'),
    serviceKey
      ? Promise.resolve<RegistryListing>({ state: 'unavailable', reason: SERVICE_KEY_CANNOT_LIST_JOBS })
      : listing(() => client.registry.listJobFunctions(), 'jobs'),
  ]);
  return { functions, jobs };
}

async function listing(list: () => Promise<readonly DeployedUnit[]>, what: string): Promise<RegistryListing> {
  try {
    const units = (await list()).map(({ name, namespace }) => ({ name, namespace }));
    return { state: 'listed', units };
  } catch (error) {
    return { state: 'unavailable', reason: reasonOf(error, what) };
  }
}

function reasonOf(error: unknown, what: string): string {
  if (FluxbaseApiError.is(error, 'forbidden')) {
    return `this credential cannot list ${what} (403)`;
  }
  if (FluxbaseApiError.is(error, 'notFound')) {
    return `the server does not list ${what} (404)`;
  }
  if (FluxbaseApiError.is(error)) {
    return `listing ${what} failed: ${error.message}`;
  }
  return `listing ${what} failed`;
}

/**
 * The last registry listing of each connection, refreshed with its secrets.
 * Logs each connection's reason for not listing once (again only when the
 * reason changes), and fires after every refresh that changed something.
 */
export class RegistryCache implements Disposable {
  private readonly listings = new Map<string, ConnectionRegistry>();
  private readonly logged = new Map<string, string>();
  private readonly generations = new Map<string, number>();
  private readonly changed = new Emitter<void>();
  /** Fires after a connection's listing changed or was forgotten. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly logger: Logger) {}

  /** The last listing of a connection; undefined before its first refresh. */
  get(connectionId: string): ConnectionRegistry | undefined {
    return this.listings.get(connectionId);
  }

  /** Lists the connection's registry again (one call per kind). Never rejects. */
  async refresh(connectionId: string, connectionName: string, client: RegistryClient): Promise<void> {
    const generation = (this.generations.get(connectionId) ?? 0) + 1;
    this.generations.set(connectionId, generation);
    const registry = await listConnectionRegistry(client);
    if (this.generations.get(connectionId) !== generation) {
      return;
    }
    this.logOnce(connectionId, connectionName, registry);
    if (JSON.stringify(this.listings.get(connectionId)) !== JSON.stringify(registry)) {
      this.listings.set(connectionId, registry);
      this.changed.fire();
    }
  }

  /** Drops a connection's listing (signed out or removed). */
  forget(connectionId: string): void {
    this.generations.set(connectionId, (this.generations.get(connectionId) ?? 0) + 1);
    this.logged.delete(connectionId);
    if (this.listings.delete(connectionId)) {
      this.changed.fire();
    }
  }

  private logOnce(connectionId: string, connectionName: string, registry: ConnectionRegistry): void {
    const reasons = [registry.functions, registry.jobs].flatMap((l) => (l.state === 'unavailable' ? [l.reason] : []));
    const key = reasons.join('; ');
    if (key !== (this.logged.get(connectionId) ?? '')) {
      this.logged.set(connectionId, key);
      if (key !== '') {
        this.logger.info(
          `"${connectionName}": ${key}. Code features use the namespace setting or "default" for what is not listed.`,
        );
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
