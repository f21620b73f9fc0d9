/**
 * Path matching with Fiber's default settings, as upstream runs them
 * (contract §1.0): case-insensitive, trailing slashes optional (all of them
 * are stripped), parameters are whole non-empty raw segments (never
 * percent-decoded), and routes are tried in registration order. HEAD is
 * served by GET routes.
 */

/** A route: method, pattern such as `/api/v1/secrets/:id/versions`, and what to run. */
export interface Route<T> {
  readonly method: string;
  readonly pattern: string;
  readonly value: T;
}

/** A matched route and its parameter values, in pattern order. */
export interface RouteMatch<T> {
  readonly route: Route<T>;
  readonly params: readonly string[];
}

/** The path as the router sees it: split into raw and lower-case segments. */
export interface RoutingPath {
  readonly segments: readonly string[];
  readonly lowerSegments: readonly string[];
}

/** Strips the trailing slashes (keeping a lone `/`) and splits the path. */
export function toRoutingPath(rawPath: string): RoutingPath {
  let end = rawPath.length;
  while (end > 1 && rawPath.charCodeAt(end - 1) === 0x2f) end--;
  const trimmed = rawPath.slice(0, end);
  // Node refuses non-ASCII request targets, so lower-casing keeps every index.
  return { segments: trimmed.split('/'), lowerSegments: trimmed.toLowerCase().split('/') };
}

/** True when the path is `prefix` or below it (`/prefix/...`), ignoring case. */
export function isUnder(path: RoutingPath, prefixSegments: readonly string[]): boolean {
  if (path.lowerSegments.length < prefixSegments.length) return false;
  for (let i = 0; i < prefixSegments.length; i++) {
    if (path.lowerSegments[i] !== prefixSegments[i]) return false;
  }
  return true;
}

interface CompiledRoute<T> {
  route: Route<T>;
  /** Lower-case constant segments, or null for a parameter. */
  parts: (string | null)[];
}

/** An ordered route table. */
export class Router<T> {
  readonly #routes: CompiledRoute<T>[];

  constructor(routes: readonly Route<T>[]) {
    this.#routes = routes.map((route) => ({
      route,
      parts: route.pattern.split('/').map((part) => (part.startsWith(':') ? null : part.toLowerCase())),
    }));
  }

  /** The first route that matches, or undefined (the caller answers 404). */
  match(method: string, path: RoutingPath): RouteMatch<T> | undefined {
    const wanted = method === 'HEAD' ? 'GET' : method;
    const { segments, lowerSegments } = path;
    for (const { route, parts } of this.#routes) {
      if (route.method !== wanted || parts.length !== lowerSegments.length) continue;
      let params: string[] | undefined = [];
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === null) {
          const value = segments[i] ?? '';
          if (value === '') {
            params = undefined;
            break;
          }
          params.push(value);
        } else if (part !== lowerSegments[i]) {
          params = undefined;
          break;
        }
      }
      if (params) return { route, params };
    }
    return undefined;
  }
}
