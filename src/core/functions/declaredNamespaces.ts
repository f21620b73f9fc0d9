/**
 * The workspace setting that declares namespaces for code that is not
 * deployed yet, or is synced with `fluxbase functions sync --namespace X`:
 * an object whose keys are folder-relative folders, files or globs and whose
 * values are a namespace or a list of namespaces.
 */

/** The setting's value once cleaned: key → namespaces (non-empty, trimmed, unique). */
export type NamespaceMapping = Readonly<Record<string, readonly string[]>>;

/** What the setting declares for one function or job, and which keys said so. */
export interface DeclaredNamespaces {
  namespaces: string[];
  keys: string[];
}

/** Keeps the usable part of the raw setting: string keys with a string or an array of strings. */
export function parseNamespaceMapping(raw: unknown): NamespaceMapping {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {};
  }
  const mapping: Record<string, readonly string[]> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const values = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    const namespaces = [
      ...new Set(values.filter((v): v is string => typeof v === 'string').map((v) => v.trim())),
    ].filter((v) => v !== '');
    if (key.trim() !== '' && namespaces.length > 0) {
      mapping[key] = namespaces;
    }
  }
  return mapping;
}

/**
 * The namespaces the mapping declares for a unit whose folder-relative root
 * (flat file or `<name>/` directory) is `root`: the union over every key that
 * matches it, since one directory can be synced into several namespaces.
 */
export function declaredNamespacesFor(mapping: NamespaceMapping, root: string): DeclaredNamespaces | undefined {
  const namespaces = new Set<string>();
  const keys: string[] = [];
  for (const [key, values] of Object.entries(mapping)) {
    if (keyMatches(key, root)) {
      keys.push(key);
      values.forEach((v) => namespaces.add(v));
    }
  }
  return keys.length === 0 ? undefined : { namespaces: [...namespaces].sort(), keys };
}

/** The mapping with `key` declaring exactly `namespaces` (removed when the list is empty). */
export function withDeclaredNamespaces(
  mapping: NamespaceMapping,
  key: string,
  namespaces: readonly string[],
): Record<string, string | string[]> {
  const next: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(mapping)) {
    if (k !== key) {
      next[k] = v.length === 1 ? (v[0] as string) : [...v];
    }
  }
  const cleaned = [...new Set(namespaces.map((n) => n.trim()).filter((n) => n !== ''))];
  if (cleaned.length > 0) {
    next[key] = cleaned.length === 1 ? (cleaned[0] as string) : cleaned;
  }
  return next;
}

/** A folder or file key matches itself and what is under it; a glob key (`*`, `**`, `?`, `{a,b}`) matches whole paths. */
export function keyMatches(key: string, path: string): boolean {
  const pattern = key.trim().replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
  if (pattern === '' || pattern === '.') {
    return true;
  }
  if (!/[*?{]/.test(pattern)) {
    return path === pattern || path.startsWith(`${pattern}/`);
  }
  return globToRegExp(pattern).test(path);
}

/** `**` crosses folders, `*` and `?` do not, `{a,b}` is either; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let inBraces = false;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      source += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '{' && !inBraces) {
      inBraces = true;
      source += '(?:';
    } else if (ch === '}' && inBraces) {
      inBraces = false;
      source += ')';
    } else if (ch === ',' && inBraces) {
      source += '|';
    } else {
      source += ch.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}${inBraces ? ')' : ''}$`);
}
