import type { SignedInUser } from './signedInUsers';
import type { AuthorView } from '../../shared/historyProtocol';

/** Shown for a version whose author the server did not record. */
export const UNKNOWN_AUTHOR = '—';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A user id as a table cell shows it: a UUID's first 8 hex digits; any other id whole. */
export function shortUserId(id: string): string {
  return UUID.test(id) ? id.slice(0, 8) : id;
}

/**
 * Who made a version: "You" when `createdBy` is the signed-in user, the
 * short id of anyone else (the API has no route that names other users),
 * or a dash that explains why nobody was recorded: contract §3.3, a service
 * key writes NULL, and §2.1, deleting a user sets NULL.
 */
export function authorView(createdBy: string | undefined, currentUser: SignedInUser | undefined): AuthorView {
  if (createdBy === undefined || createdBy === '') {
    return {
      kind: 'unknown',
      label: UNKNOWN_AUTHOR,
      description:
        'Author not recorded: the server records none for changes made with a service key, ' +
        'and forgets it when the user account is deleted.',
    };
  }
  if (currentUser !== undefined && currentUser.id.toLowerCase() === createdBy.toLowerCase()) {
    return {
      kind: 'you',
      label: 'You',
      description: `You (${currentUser.email}), user id ${createdBy}`,
      id: createdBy,
    };
  }
  return { kind: 'user', label: shortUserId(createdBy), description: `User id ${createdBy}`, id: createdBy };
}
