import type { InputValidation } from '../userInput';

/**
 * The URL as connections store it: parsed, http(s) only, no query or
 * fragment, without a trailing slash. Undefined when `text` is not such a URL.
 */
export function normalizeServerUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    return undefined;
  }
  if (url.search || url.hash) {
    return undefined;
  }
  return url.toString().replace(/\/+$/, '');
}

/** Judges a server URL typed in the add-connection flow. */
export function validateServerUrl(text: string): InputValidation | undefined {
  if (text.trim() === '') {
    return { severity: 'error', message: 'Enter the server URL, for example https://fluxbase.example.com' };
  }
  if (normalizeServerUrl(text) === undefined) {
    return {
      severity: 'error',
      message: 'Enter an http:// or https:// URL without user name, password, query or fragment',
    };
  }
  return undefined;
}

/** Judges a connection name: not empty, no surrounding spaces, not already used. */
export function validateConnectionName(name: string, existingNames: readonly string[]): InputValidation | undefined {
  if (name.trim() === '') {
    return { severity: 'error', message: 'Enter a name for the connection' };
  }
  if (name !== name.trim()) {
    return { severity: 'error', message: 'The name must not start or end with a space' };
  }
  if (existingNames.some((existing) => existing.toLowerCase() === name.toLowerCase())) {
    return { severity: 'error', message: `A connection named "${name}" already exists` };
  }
  return undefined;
}
