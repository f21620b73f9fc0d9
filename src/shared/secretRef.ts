/**
 * Names one secret of one connection, as tree nodes, commands, the history
 * panel (and its page) and the code features pass it around. `id` is the
 * server's UUID, so the ID routes reach the secret whatever its name
 * (contract §8.3). Lives in src/shared because the webview's messages carry
 * it too: no `vscode`, no Node built-ins.
 */
export interface SecretRef {
  connectionId: string;
  id: string;
  name: string;
  scope: 'global' | 'namespace';
  /** Set for namespace secrets only. */
  namespace?: string;
}

/** Whether `value` has the shape of a SecretRef; a namespace secret must name its namespace. The one guard. */
export function isSecretRef(value: unknown): value is SecretRef {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const ref = value as Record<string, unknown>;
  return (
    typeof ref.connectionId === 'string' &&
    typeof ref.id === 'string' &&
    typeof ref.name === 'string' &&
    (ref.scope === 'global' || ref.scope === 'namespace') &&
    (ref.namespace === undefined || typeof ref.namespace === 'string') &&
    (ref.scope === 'global' || typeof ref.namespace === 'string')
  );
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
