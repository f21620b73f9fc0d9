import type { AuthSession, Credentials, DashboardUser, LoginResult } from '../../../../src/core/api/authTypes';
import { FluxbaseApiError } from '../../../../src/core/api/fluxbaseApiError';
import type {
  CreateSecretRequest,
  ListSecretsOptions,
  Secret,
  SecretStats,
  SecretSummary,
  SecretVersion,
  UpdateSecretRequest,
} from '../../../../src/core/api/secretTypes';
import type { AuthPort, ClientPort, SecretsPort } from '../../../../src/core/connections/clientPort';
import { Emitter, type Disposable } from '../../../../src/shared/disposable';

/** A fixed "now" for every explorer test: 2026-01-01T00:00:00Z. */
export const NOW = Date.parse('2026-01-01T00:00:00.000Z');
export const DAY = 24 * 60 * 60 * 1000;

/** The admin account, key and token the fake server accepts. */
export const ADMIN = { email: 'admin@example.com', password: 'correct horse', userId: 'u-admin' };
export const SERVICE_KEY = 'sk_test_0123456789abcdef';
export const ACCESS_TOKEN = 'token-pasted';

interface StoredSecret {
  secret: SecretSummary;
  value: string;
  versions: { version: number; value: string; created_at: string; created_by?: string }[];
}

/**
 * An in-memory Fluxbase server with the secrets semantics of the contract
 * (versions, rollback to current + 1, 409 on a duplicate in a scope, auth on
 * every secrets call) and a log of the calls clients made, for asserting that
 * the explorer makes exactly the requests it should.
 */
export class FakeFluxbase {
  readonly calls: string[] = [];
  readonly clients: FakeClient[] = [];
  requires2fa = false;
  readonly validTokens = new Set<string>([ACCESS_TOKEN]);
  readonly validKeys = new Set<string>([SERVICE_KEY]);
  readonly validRefreshTokens = new Set<string>(['refresh-1']);
  private readonly stored = new Map<string, StoredSecret>();
  private readonly failures = new Map<string, FluxbaseApiError[]>();
  private nextId = 1;

  constructor(readonly url = 'https://fluxbase.example.com') {}

  /** Makes the next call of `method` (e.g. 'list', 'create', 'login') fail with `error`. */
  failNext(method: string, error: FluxbaseApiError): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /** Adds a secret as if created earlier; `versions` extra value writes give it a history. */
  seed(partial: Partial<SecretSummary> & { name: string }, value = 'seeded-value', versions = 1): SecretSummary {
    const id = `00000000-0000-4000-8000-${String(this.nextId++).padStart(12, '0')}`;
    const created = partial.created_at ?? new Date(NOW - 30 * DAY).toISOString();
    const secret: SecretSummary = {
      id,
      scope: 'global',
      version: versions,
      created_at: created,
      updated_at: created,
      is_expired: partial.expires_at !== undefined && Date.parse(partial.expires_at) < NOW,
      ...partial,
    };
    const history = Array.from({ length: versions }, (_, index) => ({
      version: index + 1,
      value: `${value}-v${index + 1}`,
      created_at: new Date(Date.parse(created) + index * DAY).toISOString(),
      created_by: ADMIN.userId,
    }));
    this.stored.set(id, { secret, value, versions: history });
    return secret;
  }

  /** The value the server holds for a secret (tests only; the API never returns values). */
  valueOf(id: string): string | undefined {
    return this.stored.get(id)?.value;
  }

  all(): SecretSummary[] {
    return [...this.stored.values()].map((entry) => entry.secret);
  }

  /** A client of this server, without credentials. */
  client(): FakeClient {
    const client = new FakeClient(this);
    this.clients.push(client);
    return client;
  }

  /** Records a call and throws the failure scripted for it, if any. */
  enter(method: string): void {
    this.calls.push(method);
    const queue = this.failures.get(method);
    const failure = queue?.shift();
    if (failure) {
      throw failure;
    }
  }

  checkCredentials(credentials: Credentials): void {
    const ok =
      (credentials.type === 'session' && this.validTokens.has(credentials.accessToken)) ||
      (credentials.type === 'serviceKey' && this.validKeys.has(credentials.key));
    if (!ok) {
      throw new FluxbaseApiError('auth', 'Invalid or expired Bearer token (401)', { status: 401 });
    }
  }

  list(options: ListSecretsOptions = {}): SecretSummary[] {
    return this.all()
      .filter((secret) => !options.scope || secret.scope === options.scope)
      .filter((secret) => !options.namespace || secret.namespace === options.namespace)
      .map((secret) => ({ ...secret }));
  }

  create(request: CreateSecretRequest): Secret {
    const scope = request.scope ?? 'global';
    const duplicate = this.all().some(
      (secret) =>
        secret.name === request.name &&
        secret.scope === scope &&
        (scope === 'global' || secret.namespace === request.namespace),
    );
    if (duplicate) {
      throw new FluxbaseApiError('conflict', 'A secret with this name already exists in the specified scope (409)', {
        status: 409,
      });
    }
    const created = this.seed(
      {
        name: request.name,
        scope,
        ...(scope === 'namespace' ? { namespace: request.namespace } : {}),
        ...(request.description !== undefined ? { description: request.description } : {}),
        ...(request.expires_at !== undefined ? { expires_at: request.expires_at } : {}),
        created_at: new Date(NOW).toISOString(),
      },
      request.value,
    );
    const entry = this.stored.get(created.id)!;
    entry.versions = [{ version: 1, value: request.value, created_at: created.created_at }];
    const { is_expired: _ignored, ...secret } = created;
    return secret;
  }

  update(id: string, request: UpdateSecretRequest): Secret {
    const entry = this.entry(id);
    if (request.value !== undefined) {
      entry.value = request.value;
      entry.secret.version += 1;
      entry.versions.push({
        version: entry.secret.version,
        value: request.value,
        created_at: new Date(NOW).toISOString(),
      });
    }
    if (request.description !== undefined) {
      entry.secret.description = request.description;
    }
    if (request.expires_at !== undefined) {
      entry.secret.expires_at = request.expires_at;
      entry.secret.is_expired = Date.parse(request.expires_at) < NOW;
    }
    return this.secretOf(entry);
  }

  delete(id: string): void {
    this.entry(id);
    this.stored.delete(id);
  }

  versions(id: string): SecretVersion[] {
    const entry = this.stored.get(id);
    return (entry?.versions ?? [])
      .map((version) => ({
        id: `h-${id}-${version.version}`,
        secret_id: id,
        version: version.version,
        created_at: version.created_at,
        ...(version.created_by ? { created_by: version.created_by } : {}),
      }))
      .sort((a, b) => b.version - a.version);
  }

  rollback(id: string, version: number): Secret {
    const entry = this.stored.get(id);
    const target = entry?.versions.find((candidate) => candidate.version === version);
    if (!entry || !target) {
      throw new FluxbaseApiError('notFound', `Version ${version} not found (404)`, { status: 404 });
    }
    return this.update(id, { value: target.value });
  }

  get(id: string): Secret {
    return this.secretOf(this.entry(id));
  }

  private entry(id: string): StoredSecret {
    const entry = this.stored.get(id);
    if (!entry) {
      throw new FluxbaseApiError('notFound', 'Secret not found (404)', { status: 404 });
    }
    return entry;
  }

  private secretOf(entry: StoredSecret): Secret {
    const { is_expired: _ignored, ...secret } = entry.secret;
    return { ...secret };
  }
}

class FakeAuth implements AuthPort {
  private held: Credentials = { type: 'none' };
  private readonly changed = new Emitter<Credentials>();
  private pendingUser: string | undefined;

  constructor(private readonly server: FakeFluxbase) {}

  get credentials(): Credentials {
    return this.held;
  }

  onDidChangeCredentials(listener: (credentials: Credentials) => void): Disposable {
    return this.changed.event(listener);
  }

  async login({ email, password }: { email: string; password: string }): Promise<LoginResult> {
    this.server.enter('login');
    if (email !== ADMIN.email || password !== ADMIN.password) {
      throw new FluxbaseApiError('auth', 'Wrong email or password', { status: 401 });
    }
    if (this.server.requires2fa) {
      this.pendingUser = ADMIN.userId;
      return { requires2fa: true, userId: ADMIN.userId };
    }
    return { requires2fa: false, session: this.issue() };
  }

  async verify2fa({ userId, code }: { userId: string; code: string }): Promise<AuthSession> {
    this.server.enter('verify2fa');
    if (userId !== this.pendingUser || code !== '123456') {
      throw new FluxbaseApiError('auth', 'Invalid 2FA code (401)', { status: 401 });
    }
    return this.issue();
  }

  async me(): Promise<DashboardUser> {
    this.server.enter('me');
    this.server.checkCredentials(this.held);
    return {
      id: ADMIN.userId,
      email: ADMIN.email,
      email_verified: true,
      totp_enabled: false,
      is_active: true,
      is_locked: false,
      created_at: new Date(NOW).toISOString(),
      updated_at: new Date(NOW).toISOString(),
    };
  }

  async refresh(): Promise<AuthSession> {
    this.server.enter('refresh');
    const held = this.held;
    if (
      held.type !== 'session' ||
      held.refreshToken === undefined ||
      !this.server.validRefreshTokens.has(held.refreshToken)
    ) {
      throw new FluxbaseApiError('auth', 'Invalid or expired refresh token (401)', { status: 401 });
    }
    return this.issue(held.refreshToken);
  }

  useAccessToken(accessToken: string, refreshToken?: string): void {
    this.set(refreshToken ? { type: 'session', accessToken, refreshToken } : { type: 'session', accessToken });
  }

  useServiceKey(key: string): void {
    this.set({ type: 'serviceKey', key });
  }

  signOut(): void {
    this.set({ type: 'none' });
  }

  /** Simulates the client refreshing its session: new tokens, announced to listeners. */
  simulateRefresh(accessToken: string): void {
    this.server.validTokens.add(accessToken);
    this.set({ type: 'session', accessToken, refreshToken: 'refresh-1' });
  }

  private issue(refreshToken = 'refresh-1'): AuthSession {
    const accessToken = `access-${this.server.calls.length}`;
    this.server.validTokens.add(accessToken);
    this.set({ type: 'session', accessToken, refreshToken });
    return { access_token: accessToken, refresh_token: refreshToken, expires_in: 86400 };
  }

  private set(credentials: Credentials): void {
    this.held = credentials;
    this.changed.fire(credentials);
  }
}

class FakeSecrets implements SecretsPort {
  constructor(
    private readonly server: FakeFluxbase,
    private readonly auth: AuthPort,
  ) {}

  private async call<T>(method: string, run: () => T): Promise<T> {
    this.server.enter(method);
    this.server.checkCredentials(this.auth.credentials);
    return run();
  }

  list(options?: ListSecretsOptions): Promise<SecretSummary[]> {
    return this.call('list', () => this.server.list(options));
  }

  stats(): Promise<SecretStats> {
    return this.call('stats', () => ({ total: this.server.all().length, expiring_soon: 0, expired: 0 }));
  }

  create(request: CreateSecretRequest): Promise<Secret> {
    return this.call('create', () => this.server.create(request));
  }

  getById(id: string): Promise<Secret> {
    return this.call('getById', () => this.server.get(id));
  }

  updateById(id: string, request: UpdateSecretRequest): Promise<Secret> {
    return this.call('updateById', () => this.server.update(id, request));
  }

  deleteById(id: string): Promise<void> {
    return this.call('deleteById', () => this.server.delete(id));
  }

  getVersionsById(id: string): Promise<SecretVersion[]> {
    return this.call('getVersionsById', () => this.server.versions(id));
  }

  rollbackById(id: string, version: number): Promise<Secret> {
    return this.call('rollbackById', () => this.server.rollback(id, version));
  }
}

/** A client of a FakeFluxbase, shaped like FluxbaseClient's part the explorer uses. */
export class FakeClient implements ClientPort {
  readonly auth: FakeAuth;
  readonly secrets: FakeSecrets;
  closed = false;

  constructor(readonly server: FakeFluxbase) {
    this.auth = new FakeAuth(server);
    this.secrets = new FakeSecrets(server, this.auth);
  }

  get url(): string {
    return this.server.url;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
