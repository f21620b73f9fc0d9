import { SignedInUsers, type SignedInUser, type SignedInUserClient } from './signedInUsers';

/**
 * Who is signed in, for code that must answer at once (a tree tooltip is
 * built synchronously): `peek` answers from what is already known and, the
 * first time a session is seen, starts the lookup (at most one
 * `/dashboard/auth/me` per session, see SignedInUsers), so that later
 * answers know. Nothing is asked until something peeks.
 */
export class KnownUsers {
  private readonly known = new WeakMap<SignedInUserClient, SignedInUser | undefined>();
  private readonly asked = new WeakSet<SignedInUserClient>();

  constructor(private readonly users = new SignedInUsers()) {}

  /** The user of `client`'s session if already known; undefined while unknown (and for keys). */
  peek(client: SignedInUserClient): SignedInUser | undefined {
    if (!this.asked.has(client)) {
      this.asked.add(client);
      void this.users.userOf(client).then((user) => {
        this.known.set(client, user);
        if (user === undefined) {
          // Unknown (a passing failure): let a later peek ask again; SignedInUsers remembers final answers.
          this.asked.delete(client);
        }
      });
    }
    return this.known.get(client);
  }
}
