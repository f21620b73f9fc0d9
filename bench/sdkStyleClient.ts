/**
 * The baseline of the client benchmark: secrets calls written the way the
 * Fluxbase SDK's `FluxbaseFetch` and `SecretsManager` make them (contract §4)
 * — global `fetch` with its default dispatcher, `JSON.stringify` bodies, an
 * AbortController timeout of 30 s per request, the body parsed as JSON when
 * the Content-Type says so, an Error for any non-2xx status, no retries, no
 * validation and no connection tuning. It sends the same headers as our client.
 */
import type { CreateSecretRequest, Secret, SecretSummary } from '../src/core/api/secretTypes';

const TIMEOUT_MS = 30_000;

/** An SDK-style secrets client over global fetch. */
export class SdkStyleSecrets {
  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string>,
  ) {}

  /** GET /api/v1/secrets/by-name/{name}. */
  get(name: string): Promise<Secret> {
    return this.request<Secret>('GET', `/api/v1/secrets/by-name/${encodeURIComponent(name)}`);
  }

  /** POST /api/v1/secrets. */
  create(request: CreateSecretRequest): Promise<Secret> {
    return this.request<Secret>('POST', '/api/v1/secrets', request);
  }

  /** GET /api/v1/secrets. */
  list(): Promise<SecretSummary[]> {
    return this.request<SecretSummary[]>('GET', '/api/v1/secrets');
  }

  private async request<T>(method: string, path: string, body?: object): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(this.url + path, {
        method,
        headers: body === undefined ? this.headers : { ...this.headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      const contentType = response.headers.get('content-type') ?? '';
      const data: unknown = contentType.includes('application/json') ? await response.json() : await response.text();
      if (!response.ok) {
        const message =
          typeof data === 'object' && data !== null && 'error' in data ? String(data.error) : response.statusText;
        throw Object.assign(new Error(message), { status: response.status });
      }
      return data as T;
    } finally {
      clearTimeout(timer);
    }
  }
}
