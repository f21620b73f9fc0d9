/**
 * `client.secrets`: the Fluxbase SDK's SecretsManager surface, sending the
 * same requests (contract §4 table), with every response checked and names
 * the by-name routes cannot reach resolved through list + id.
 */
import { apiRoutes } from './apiRoutes';
import { ByNameResolver } from './byNameResolver';
import { FluxbaseApiError } from './fluxbaseApiError';
import type { HttpTransport } from './httpTransport';
import { arrayOf, isSecret, isSecretStats, isSecretSummary, isSecretVersion } from './responseGuards';
import type {
  CreateSecretRequest,
  ListSecretsOptions,
  Secret,
  SecretByNameOptions,
  SecretStats,
  SecretSummary,
  SecretVersion,
  UpdateSecretRequest,
} from './secretTypes';
import { byNameTarget, expectWriteTarget } from './writeResponseCheck';

const isSecretVersionList = arrayOf(isSecretVersion);

/** Create, read, update, delete, list, version history and rollback of secrets. */
export class SecretsManager {
  private readonly resolver = new ByNameResolver((options) => this.list(options));

  /** Takes the transport, as the SDK's `new SecretsManager(fetch)` does. */
  constructor(private readonly transport: HttpTransport) {}

  /** POST /api/v1/secrets: 201 with the new secret (version 1). */
  async create(request: CreateSecretRequest): Promise<Secret> {
    const created = await this.transport.request(
      {
        method: 'POST',
        route: apiRoutes.secrets(),
        body: request,
        sensitiveValues: [request.value],
      },
      isSecret,
    );
    const namespace = request.scope === 'namespace' ? request.namespace : undefined;
    return expectWriteTarget('create', byNameTarget(request.name, namespace), created);
  }

  /** The global secret `name`, or the one in `options.namespace`. */
  async get(name: string, options?: SecretByNameOptions): Promise<Secret> {
    return this.resolver.run(
      required(name, 'name'),
      options,
      () =>
        this.transport.request(
          { method: 'GET', route: apiRoutes.secretByName(name), query: namespaceQuery(options) },
          isSecret,
        ),
      (id) => this.getById(id),
    );
  }

  /** GET /api/v1/secrets/:id. */
  async getById(id: string): Promise<Secret> {
    return this.transport.request({ method: 'GET', route: apiRoutes.secretById(required(id, 'id')) }, isSecret);
  }

  /** Updates the secret by name; a new value makes a new version. */
  async update(name: string, request: UpdateSecretRequest, options?: SecretByNameOptions): Promise<Secret> {
    const updated = await this.resolver.run(
      required(name, 'name'),
      options,
      () =>
        this.transport.request(
          {
            method: 'PUT',
            route: apiRoutes.secretByName(name),
            query: namespaceQuery(options),
            body: request,
            sensitiveValues: valueOf(request),
          },
          isSecret,
        ),
      (id) => this.updateById(id, request),
    );
    return expectWriteTarget('update', byNameTarget(name, options?.namespace), updated);
  }

  /** PUT /api/v1/secrets/:id. */
  async updateById(id: string, request: UpdateSecretRequest): Promise<Secret> {
    const updated = await this.transport.request(
      {
        method: 'PUT',
        route: apiRoutes.secretById(required(id, 'id')),
        body: request,
        sensitiveValues: valueOf(request),
      },
      isSecret,
    );
    return expectWriteTarget('update', { id }, updated);
  }

  /** Deletes the secret by name, with its whole history. */
  async delete(name: string, options?: SecretByNameOptions): Promise<void> {
    return this.resolver.run(
      required(name, 'name'),
      options,
      () =>
        this.transport.requestNoContent({
          method: 'DELETE',
          route: apiRoutes.secretByName(name),
          query: namespaceQuery(options),
        }),
      (id) => this.deleteById(id),
    );
  }

  /** DELETE /api/v1/secrets/:id. */
  async deleteById(id: string): Promise<void> {
    return this.transport.requestNoContent({ method: 'DELETE', route: apiRoutes.secretById(required(id, 'id')) });
  }

  /** GET /api/v1/secrets with the optional filters; every match, expired ones included. */
  async list(options?: ListSecretsOptions): Promise<SecretSummary[]> {
    return this.transport.requestArray(
      {
        method: 'GET',
        route: apiRoutes.secrets(),
        query: { scope: options?.scope, namespace: options?.namespace },
      },
      isSecretSummary,
    );
  }

  /** The history of the secret `name`, newest first, the current version included. */
  async getVersions(name: string, options?: SecretByNameOptions): Promise<SecretVersion[]> {
    return this.resolver.run(
      required(name, 'name'),
      options,
      () =>
        this.transport.request(
          { method: 'GET', route: apiRoutes.versionsByName(name), query: namespaceQuery(options) },
          isSecretVersionList,
        ),
      (id) => this.getVersionsById(id),
    );
  }

  /** GET /api/v1/secrets/:id/versions (an unknown id gives `[]`). */
  async getVersionsById(id: string): Promise<SecretVersion[]> {
    return this.transport.request(
      { method: 'GET', route: apiRoutes.versionsById(required(id, 'id')) },
      isSecretVersionList,
    );
  }

  /** Restores the value of `version`; the secret gets a new version (current + 1). */
  async rollback(name: string, version: number, options?: SecretByNameOptions): Promise<Secret> {
    versionNumber(version);
    return this.resolver.run(
      required(name, 'name'),
      options,
      () =>
        this.transport.request(
          {
            method: 'POST',
            route: apiRoutes.rollbackByName(name, versionNumber(version)),
            query: namespaceQuery(options),
            body: {},
          },
          isSecret,
        ),
      (id) => this.rollbackById(id, version),
    );
  }

  /** POST /api/v1/secrets/:id/rollback/:version with `{}`. */
  async rollbackById(id: string, version: number): Promise<Secret> {
    return this.transport.request(
      { method: 'POST', route: apiRoutes.rollbackById(required(id, 'id'), versionNumber(version)), body: {} },
      isSecret,
    );
  }

  /** GET /api/v1/secrets/stats: total, expiring within 7 days, expired. */
  async stats(): Promise<SecretStats> {
    return this.transport.request({ method: 'GET', route: apiRoutes.stats() }, isSecretStats);
  }
}

function namespaceQuery(options: SecretByNameOptions | undefined): Record<string, string | undefined> {
  return { namespace: options?.namespace };
}

function valueOf(request: UpdateSecretRequest): string[] {
  return request.value === undefined ? [] : [request.value];
}

/** An empty name or id would address a different route (e.g. the list), so it is refused. */
function required(text: string, what: string): string {
  if (typeof text !== 'string' || text === '') {
    throw new FluxbaseApiError('validation', `A secret ${what} is required`);
  }
  return text;
}

function versionNumber(version: number): number {
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new FluxbaseApiError('validation', 'A version must be a whole number of at least 1');
  }
  return version;
}
