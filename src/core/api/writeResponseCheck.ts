/**
 * A write's response must describe the secret the write addressed. Callers
 * show and write into documents the name the server sends back, so a server
 * (or anything between) that answers with another name, scope or namespace
 * could make the extension act on, or paste, text the user never chose. Such
 * an answer is refused as `unexpectedResponse`; the message names no value.
 */
import { FluxbaseApiError } from './fluxbaseApiError';
import type { Secret, SecretScope } from './secretTypes';

/** What the request addressed: an id, or a name in a scope (namespace only for namespace scope). */
export type WriteTarget = { id: string } | { name: string; scope: SecretScope; namespace?: string };

/** The target of a by-name route: the global secret, or the one in a non-empty `namespace` (contract §1.3). */
export function byNameTarget(name: string, namespace: string | undefined): WriteTarget {
  return namespace ? { name, scope: 'namespace', namespace } : { name, scope: 'global' };
}

/** Returns `secret` when it is the one `target` addresses; otherwise throws `unexpectedResponse`. */
export function expectWriteTarget(write: 'create' | 'update', target: WriteTarget, secret: Secret): Secret {
  if (!isTarget(target, secret)) {
    throw new FluxbaseApiError(
      'unexpectedResponse',
      `The server answered the ${write} about a different secret than the one sent; its answer was not used`,
    );
  }
  return secret;
}

function isTarget(target: WriteTarget, secret: Secret): boolean {
  if ('id' in target) {
    return secret.id === target.id;
  }
  return (
    secret.name === target.name &&
    secret.scope === target.scope &&
    secret.namespace === (target.scope === 'namespace' ? target.namespace : undefined)
  );
}
