import { FluxbaseApiError } from './fluxbaseApiError';

/** A server base URL split the way the client needs it. */
export interface BaseUrl {
  /** The URL as given, with exactly one trailing `/` stripped (as the SDK does). */
  url: string;
  /** `scheme://host:port`, the key of the connection pool. */
  origin: string;
  /** A path prefix kept in front of every route, e.g. `/fluxbase`; `''` when there is none. */
  pathPrefix: string;
  /** Origin and prefix without any user info: safe to show in messages. */
  displayUrl: string;
}

/** Parses a server URL (contract §4 "Base URL joining"); throws a `validation` error for anything but http(s). */
export function parseBaseUrl(url: string): BaseUrl {
  const stripped = url.endsWith('/') ? url.slice(0, -1) : url;
  let parsed: URL;
  try {
    parsed = new URL(stripped);
  } catch {
    throw new FluxbaseApiError('validation', 'The server URL is not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FluxbaseApiError(
      'validation',
      `The server URL must start with http:// or https:// (got ${parsed.protocol})`,
    );
  }
  const pathPrefix = parsed.pathname === '/' && !stripped.endsWith('/') ? '' : parsed.pathname;
  return { url: stripped, origin: parsed.origin, pathPrefix, displayUrl: parsed.origin + pathPrefix };
}
