import { SECRET_VARIABLE_PREFIX } from '../secretVariable';

/** `stripeApiKey`, `stripe-api.key`, `APIKey` → `STRIPE_API_KEY`, `STRIPE_API_KEY`, `API_KEY`. */
export function toUpperSnakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
}

const ASSIGNED_TO = [
  // const apiKey = …, this.apiKey = …, apiKey: …, const apiKey: string = …, apiKey ??= …
  /([A-Za-z_$][\w$]*)\s*(?::\s*[\w$<>[\]|.\s]+?)?\s*(?:[?|&]{2}|[+])?=\s*$/,
  /([A-Za-z_$][\w$]*)\s*\??:\s*$/,
  // "x-api-key": …, ['api_key'] = …
  /["'`]([^"'`\r\n]+)["'`]\s*\]?\s*(?::|=)\s*$/,
];

/**
 * A secret name for a literal, in upper snake case, from the variable or
 * property it is assigned to; `code` is the source just before the literal.
 * A `FLUXBASE_SECRET_` prefix is dropped (the runtime adds it back).
 * Undefined when the literal is not assigned to a name.
 */
export function suggestSecretName(code: string): string | undefined {
  for (const pattern of ASSIGNED_TO) {
    const match = pattern.exec(code);
    const name = match?.[1] ? toUpperSnakeCase(match[1]) : '';
    if (name) {
      return name.startsWith(SECRET_VARIABLE_PREFIX) && name.length > SECRET_VARIABLE_PREFIX.length
        ? name.slice(SECRET_VARIABLE_PREFIX.length)
        : name;
    }
  }
  return undefined;
}
