import { settingsConnectionId, type Connection } from './connection';
import { normalizeServerUrl } from './connectionValidation';

/** One entry of the `fluxbaseSecrets.connections` setting. */
export interface ConnectionConfig {
  name: string;
  url: string;
  tenant?: string;
}

/** Connections read from settings, and what was wrong with the entries that were left out. */
export interface ParsedConnections {
  connections: Connection[];
  problems: string[];
}

/**
 * Turns the raw values of the setting (user first, then workspace when it is
 * trusted) into connections. Entries are checked at run time because settings
 * files are edited by hand; a bad entry or a repeated name is left out and
 * reported, never fatal.
 */
export function parseConnectionSettings(...layers: readonly unknown[]): ParsedConnections {
  const connections: Connection[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  for (const layer of layers) {
    if (layer === undefined || layer === null) {
      continue;
    }
    if (!Array.isArray(layer)) {
      problems.push('fluxbaseSecrets.connections must be an array');
      continue;
    }
    for (const entry of layer as unknown[]) {
      const parsed = parseEntry(entry);
      if (typeof parsed === 'string') {
        problems.push(parsed);
      } else if (names.has(parsed.name.toLowerCase())) {
        problems.push(`Connection "${parsed.name}" is defined more than once; the first one is used`);
      } else {
        names.add(parsed.name.toLowerCase());
        connections.push(parsed);
      }
    }
  }
  return { connections, problems };
}

function parseEntry(entry: unknown): Connection | string {
  if (typeof entry !== 'object' || entry === null) {
    return 'Each connection must be an object with "name" and "url"';
  }
  const { name, url, tenant } = entry as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') {
    return 'A connection has no "name"';
  }
  const normalized = typeof url === 'string' ? normalizeServerUrl(url) : undefined;
  if (normalized === undefined) {
    return `Connection "${name}" has no valid http(s) "url"`;
  }
  if (tenant !== undefined && typeof tenant !== 'string') {
    return `Connection "${name}" has a "tenant" that is not a string`;
  }
  const trimmedName = name.trim();
  return {
    id: settingsConnectionId(trimmedName, normalized),
    name: trimmedName,
    url: normalized,
    ...(tenant ? { tenant } : {}),
    source: 'settings',
  };
}
