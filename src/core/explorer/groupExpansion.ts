/**
 * How a connection's namespace groups first appear. Up to this many namespace secrets they start expanded, so a
 * small project shows every secret at once; above it they start collapsed, each with its count, so that VS Code
 * fetches and draws only the groups a person opens. Measured (BENCHMARKS.md, issue 17 third round): at 10,000
 * secrets in 200 namespaces, expanded groups made VS Code ask for 204 lists of children and draw every row before
 * the view settled. VS Code applies a state only to a group it has not shown yet: what the person expanded or
 * collapsed since stays as they left it.
 */
export const EXPANDED_NAMESPACE_SECRETS_LIMIT = 500;

/** Whether the namespace groups of a connection listing `namespaceSecrets` namespace secrets start collapsed. */
export function namespaceGroupsStartCollapsed(namespaceSecrets: number): boolean {
  return namespaceSecrets > EXPANDED_NAMESPACE_SECRETS_LIMIT;
}
