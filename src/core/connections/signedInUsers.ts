import { FluxbaseApiError } from '../api/fluxbaseApiError';
import type { AuthPort } from './clientPort';

/** The dashboard user a session belongs to: the id the server records as `created_by`, and the email. */
export interface SignedInUser {
  id: string;
  email: string;
}

/** The part of a client the lookup reads: its credentials and `GET /dashboard/auth/me`. */
export interface SignedInUserClient {
  readonly auth: Pick<AuthPort, 'credentials' | 'me'>;
}

/**
 * Who is signed in, asked once per session: a dashboard session asks
 * `/dashboard/auth/me` the first time and the answer is remembered for as
 * long as that client lives (a new sign-in or a restored session is a new
 * client, so it is asked afresh). Service keys have no user (contract §3.3),
 * so they are never asked about. Never rejects: a failure means "unknown".
 * A refused or missing route (403, 404) is remembered as unknown; a passing
 * failure (network, 5xx, 401) is asked again next time.
 */
export class SignedInUsers {
  private readonly known = new WeakMap<SignedInUserClient, Promise<SignedInUser | undefined>>();

  /** The user of `client`'s session, or undefined for a key, no credentials, or a server that would not say. */
  userOf(client: SignedInUserClient): Promise<SignedInUser | undefined> {
    if (client.auth.credentials.type !== 'session') {
      return Promise.resolve(undefined);
    }
    let lookup = this.known.get(client);
    if (lookup === undefined) {
      lookup = this.ask(client);
      this.known.set(client, lookup);
    }
    return lookup;
  }

  private async ask(client: SignedInUserClient): Promise<SignedInUser | undefined> {
    try {
      const user = await client.auth.me();
      return { id: user.id, email: user.email };
    } catch (error) {
      if (!FluxbaseApiError.is(error, 'forbidden') && !FluxbaseApiError.is(error, 'notFound')) {
        this.known.delete(client);
      }
      return undefined;
    }
  }
}
