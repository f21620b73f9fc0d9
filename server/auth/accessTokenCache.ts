/**
 * Verifies the Bearer access tokens of the secrets routes. A token that
 * passed is remembered by its exact text for a short while, so a burst of
 * requests verifies it once; a remembered token is still refused once its
 * `exp` has passed. Only access tokens of existing, active dashboard admins,
 * issued in the admin's current credentials epoch, pass: refresh tokens do not
 * (a deliberate difference from upstream). The epoch and the active flag only
 * change at start, so a remembered token cannot outlive them.
 */
import type { TokenService } from './tokenService';
import { DASHBOARD_ADMIN_ROLE, isOfCurrentEpoch } from './tokenService';
import type { UsersRepository } from '../storage/usersRepository';

const REMEMBER_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  userId: string;
  exp: number;
  rememberedUntil: number;
}

/** Bearer verification with a short cache. */
export class AccessTokenCache {
  readonly #tokens: TokenService;
  readonly #users: UsersRepository;
  readonly #entries = new Map<string, Entry>();

  constructor(tokens: TokenService, users: UsersRepository) {
    this.#tokens = tokens;
    this.#users = users;
  }

  /** The dashboard user id the token stands for, or undefined when it must be refused. */
  async verify(token: string): Promise<string | undefined> {
    const nowSeconds = this.#tokens.nowSeconds();
    const cached = this.#entries.get(token);
    if (cached !== undefined) {
      if (cached.exp > nowSeconds && cached.rememberedUntil > Date.now()) return cached.userId;
      this.#entries.delete(token);
    }
    const claims = await this.#tokens.verify(token);
    if (!claims || claims.token_type !== 'access' || claims.role !== DASHBOARD_ADMIN_ROLE) return undefined;
    const user = this.#users.findById(claims.sub);
    if (!user || user.is_active !== 1 || !isOfCurrentEpoch(claims, user.credentials_epoch)) return undefined;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
    this.#entries.set(token, { userId: user.id, exp: claims.exp, rememberedUntil: Date.now() + REMEMBER_MS });
    return user.id;
  }
}
