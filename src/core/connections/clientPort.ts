import type { AuthSession, Credentials, DashboardUser, LoginResult } from '../api/authTypes';
import type {
  CreateSecretRequest,
  ListSecretsOptions,
  Secret,
  SecretStats,
  SecretSummary,
  SecretVersion,
  UpdateSecretRequest,
} from '../api/secretTypes';
import type { Disposable } from '../../shared/disposable';
import type { Connection } from './connection';

/**
 * The part of `FluxbaseAuth` the explorer uses. The real class satisfies it
 * structurally; unit tests pass plain fakes.
 */
export interface AuthPort {
  login(request: { email: string; password: string }): Promise<LoginResult>;
  verify2fa(request: { userId: string; code: string }): Promise<AuthSession>;
  me(): Promise<DashboardUser>;
  /** POST /dashboard/auth/refresh with the held refresh token (as the Fluxbase CLI refreshes). */
  refresh(): Promise<AuthSession>;
  useAccessToken(accessToken: string, refreshToken?: string): void;
  useServiceKey(key: string): void;
  signOut(): void;
  readonly credentials: Credentials;
  onDidChangeCredentials(listener: (credentials: Credentials) => void): Disposable;
}

/** The part of `SecretsManager` the explorer uses: the list, stats and the ID routes (contract §8.3). */
export interface SecretsPort {
  list(options?: ListSecretsOptions): Promise<SecretSummary[]>;
  stats(): Promise<SecretStats>;
  create(request: CreateSecretRequest): Promise<Secret>;
  getById(id: string): Promise<Secret>;
  updateById(id: string, request: UpdateSecretRequest): Promise<Secret>;
  deleteById(id: string): Promise<void>;
  getVersionsById(id: string): Promise<SecretVersion[]>;
  rollbackById(id: string, version: number): Promise<Secret>;
}

/** The part of `FluxbaseClient` the explorer uses. */
export interface ClientPort {
  readonly url: string;
  readonly auth: AuthPort;
  readonly secrets: SecretsPort;
  close(): Promise<void>;
}

/** Builds a client without credentials for a connection (URL, tenant, logger set by the host). */
export type ClientFactory<C extends ClientPort> = (connection: Connection) => C;
