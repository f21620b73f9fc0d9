/**
 * The scopes a local service key may carry: EU's names for the routes the
 * local server has (secrets, functions, jobs) and the wildcard. Other
 * names are refused with EU's text (contract part 3, §0.1).
 */
export const SERVICE_KEY_SCOPES: readonly string[] = [
  'read:secrets',
  'write:secrets',
  'read:functions',
  'execute:functions',
  'read:jobs',
  'write:jobs',
  '*',
];

/** EU's refusal of unknown scopes, or undefined when all are known. */
export function invalidScopesMessage(scopes: readonly string[]): string | undefined {
  const unknown = scopes.filter((scope) => !SERVICE_KEY_SCOPES.includes(scope));
  return unknown.length === 0 ? undefined : `Invalid scopes: invalid scopes: ${unknown.join(', ')}`;
}
