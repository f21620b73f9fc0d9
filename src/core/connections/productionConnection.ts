import type { Connection } from './connection';

/** The default of `fluxbaseSecrets.productionPatterns`. */
export const DEFAULT_PRODUCTION_PATTERNS: readonly string[] = ['prod', 'production', 'live'];

/**
 * Whether a connection looks like production: one of `patterns` appears in
 * its name or URL as a whole word (case-insensitive; words are separated by
 * anything but letters and digits). So "Prod", "prod-eu" and
 * "https://api.live.example.com" match `prod` or `live`, while "product-demo"
 * and "https://olive.example.com" do not. Blank patterns are ignored.
 */
export function isProductionLike(connection: Pick<Connection, 'name' | 'url'>, patterns: readonly string[]): boolean {
  const texts = [connection.name.toLowerCase(), connection.url.toLowerCase()];
  return patterns.some((pattern) => {
    const word = pattern.trim().toLowerCase();
    if (word === '') {
      return false;
    }
    const matcher = new RegExp(`(^|[^a-z0-9])${escapeRegExp(word)}($|[^a-z0-9])`);
    return texts.some((text) => matcher.test(text));
  });
}

/** The patterns of a setting value: a list of strings, else the defaults (a malformed value must not disable the guard). */
export function productionPatternsOf(value: unknown): readonly string[] {
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value as string[];
  }
  return DEFAULT_PRODUCTION_PATTERNS;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
