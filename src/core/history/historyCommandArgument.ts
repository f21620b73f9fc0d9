import { isPanelSecretRef } from '../../shared/historyProtocol';
import type { SecretRef } from '../explorer/secretRef';

/**
 * The secret that `fluxbaseSecrets.showHistory` was invoked on: a SecretRef
 * itself, or a tree node that carries one as `ref`. Anything else (the
 * palette passes nothing) gives undefined.
 */
export function secretRefFromArgument(argument: unknown): SecretRef | undefined {
  if (isPanelSecretRef(argument)) {
    return pickRef(argument);
  }
  if (typeof argument === 'object' && argument !== null && 'ref' in argument && isPanelSecretRef(argument.ref)) {
    return pickRef(argument.ref);
  }
  return undefined;
}

/** Copies only the fields of a ref, so that nothing else a tree node carries travels on (into webview state, say). */
export function pickRef(ref: SecretRef): SecretRef {
  return {
    connectionId: ref.connectionId,
    id: ref.id,
    name: ref.name,
    scope: ref.scope,
    ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }),
  };
}

/** The key under which one panel per secret is kept. */
export function historyPanelKey(ref: SecretRef): string {
  return JSON.stringify([ref.connectionId, ref.id]);
}
