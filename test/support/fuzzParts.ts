/**
 * Building blocks of fuzz requests: id and name forms, path tricks, broken
 * credentials and header noise. Functions named `…Rejected…` or `bad…`
 * produce parts that make the contract refuse the request whatever else it
 * carries; the others produce parts that are valid or harmless.
 */
import type { RegistryFuzzTargets } from './fuzzRegistryCases';
import type { FuzzRandom } from './fuzzRandom';
import { oddString, percentEncode } from './fuzzValues';

/** A secret that exists on the fuzzed server. */
export interface KnownSecret {
  readonly id: string;
  readonly name: string;
  readonly namespace?: string;
  readonly version: number;
}

/** What the generators may aim at. */
export interface FuzzTargets {
  /** A service key with `*`. */
  readonly writeKey: string;
  /** A service key with `read:secrets` only. */
  readonly readKey: string;
  /** Seeded secrets; no fuzz request may change them. */
  readonly secrets: readonly KnownSecret[];
  /** The server's body limit in bytes. */
  readonly bodyLimit: number;
  /** Tokens and seeded names of the functions and jobs registry. */
  readonly registry?: RegistryFuzzTargets;
}

/** One header line. */
export type HeaderLine = readonly [string, string];

/** The API prefix. */
export const PREFIX = '/api/v1/secrets';

/** Google/uuid forms that all name the same secret (contract §1.3 (4)). */
export function idForm(random: FuzzRandom, id: string): string {
  // One draw for the mixed case, so that the random stream does not depend on the server's ids.
  const mask = random.int(2 ** 30);
  return random.pick([
    id,
    id.toUpperCase(),
    id.replace(/-/g, ''),
    `{${id}}`,
    `urn:uuid:${id}`,
    [...id].map((c, i) => ((mask >> (i % 30)) & 1 ? c.toUpperCase() : c)).join(''),
  ]);
}

/** A random well-formed UUID that names no known secret. */
export function unknownId(random: FuzzRandom, known: readonly KnownSecret[]): string {
  for (;;) {
    const hex = Array.from({ length: 32 }, () => random.int(16).toString(16)).join('');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    if (!known.some((secret) => secret.id === id)) return id;
  }
}

/** A path segment in the `:id` position that google/uuid refuses (→ 400 Invalid secret ID). */
export function badIdSegment(random: FuzzRandom, id: string): string {
  return random.oneOf([
    () => percentEncode(oddString(random)),
    () => id.slice(0, -1),
    () => `${id}0`,
    () => id.slice(0, 35) + random.pick(['g', 'G', 'z', '-', '_', '%20']),
    () => `{${id}`,
    () => `${id}}`,
    () => `%7B${id}%7D`,
    () => `urn:uuid:${id.replace(/-/g, '')}`,
    () => `urn%3Auuid%3A${id}`,
    () => id + random.pick(['%00', ';x', '.json', '%2F', '%20', '~']),
    () => `${id.slice(0, 18)}%2F${id.slice(19)}`,
    () => random.pick(['..', '.', '%2e%2e', '%2E', '%2F', '%5C', '-1', '0', '1e3', '0x10', 'null', 'undefined']),
    () => 'a'.repeat(random.between(37, 6000)),
    () => '0'.repeat(random.between(33, 35)),
  ]);
}

/** A `:version` that Sscanf("%d") refuses or that is below 1 (→ 400), or one that no secret has (→ 404). */
export function rejectedVersion(random: FuzzRandom, secret: KnownSecret): string {
  return random.oneOf([
    () => random.pick(['-1', '0', '-0', '+0', '00', '-00001', '0x10', '0x1', 'abc', '%31', '--1', '+-1', 'x1', '-']),
    () => random.pick(['%2B1', '%2D1', '%20' + '1', '٣', '１']),
    () => String(secret.version + random.between(1, 100_000)),
    () => '99999999999999999999999',
  ]);
}

/** Any version text, including the ones Sscanf reads leniently (`1e3` → 1, `3abc` → 3): only for unknown ids. */
export function anyVersion(random: FuzzRandom): string {
  return random.pick(['1', '2', '1e3', '3abc', '+1', '1.5', '0x10', '-1', '0', '%31', '１', '99999999999999999999999']);
}

function lowerOrChanged(name: string): string {
  const lower = name.toLowerCase();
  return lower === name ? `${name}x` : lower;
}

/** A by-name path segment plus query that no secret answers to (→ 404 Secret not found). */
export interface MissingName {
  readonly segment: string;
  /** '' or `?namespace=…`. */
  readonly query: string;
}

/** Whether a by-name request would reach a known secret: the raw segment is the name, the query is decoded. */
function reaches(known: readonly KnownSecret[], { segment, query }: MissingName): boolean {
  const namespace = new URLSearchParams(query.slice(1)).get('namespace') ?? '';
  return known.some((secret) => secret.name === segment && (secret.namespace ?? '') === namespace);
}

/** A by-name address that no secret answers to (→ 404 Secret not found). */
export function missingName(random: FuzzRandom, known: readonly KnownSecret[]): MissingName {
  for (;;) {
    const secret = random.pick(known);
    const own = secret.namespace === undefined ? '' : `?namespace=${percentEncode(secret.namespace)}`;
    const otherNamespace = `?namespace=${random.pick(['', 'default', '%00', 'x', percentEncode(oddString(random))])}`;
    const candidate = random.oneOf<MissingName>([
      () => ({ segment: percentEncode(`FUZZ_MISSING_${oddString(random)}`), query: own }),
      () => ({ segment: lowerOrChanged(secret.name), query: own }),
      () => ({ segment: secret.name.replace('_', '%5F'), query: own }),
      () => ({ segment: `${secret.name}%00`, query: own }),
      () => ({ segment: `${secret.name}.`, query: own }),
      () => ({ segment: secret.name, query: random.pick(['', otherNamespace]) }),
      () => ({ segment: 'N'.repeat(random.between(100, 6000)), query: '' }),
    ]);
    // The same name may exist globally and in namespaces: never aim at one of them by accident.
    if (!reaches(known, candidate)) return candidate;
  }
}

/** A path that reaches no route for a write (→ 404 after authentication). */
export function unroutedWritePath(random: FuzzRandom, secret: KnownSecret): string {
  return random.pick([
    `${PREFIX}/${secret.id}/extra`,
    `${PREFIX}//${secret.id}`,
    `/api/v1//secrets/${secret.id}`,
    `//api/v1/secrets/${secret.id}`,
    `${PREFIX}/${secret.id}/..`,
    `${PREFIX}/../secrets/${secret.id}`,
    `${PREFIX}/%2e%2e/${secret.id}`,
    `${PREFIX}/${secret.id}%2Fversions`,
    `/api/v2/secrets/${secret.id}`,
    `/api/v1/secret/${secret.id}`,
    `${PREFIX}%2F${secret.id}`,
    `${PREFIX}/by-name`,
    `${PREFIX}/by-name/${secret.name}/extra`,
    `${PREFIX}/x/y/z/w`,
    `/${secret.id}`,
  ]);
}

/** Paths a read may take: real routes in every accepted spelling, and tricks. */
export function readPath(random: FuzzRandom, targets: FuzzTargets): string {
  const secret = random.pick(targets.secrets);
  const id = idForm(random, secret.id);
  const base = random.pick([PREFIX, '/API/V1/SECRETS', '/Api/v1/Secrets', `${PREFIX}/`, `${PREFIX}///`]);
  return random.oneOf([
    () => base,
    () =>
      `${base}?${random.pick(['scope=global', 'scope=namespace', 'scope=all', 'namespace=', 'scope=%00', 'namespace=%ZZ'])}`,
    () => `${base}?namespace=${percentEncode(oddString(random))}&scope=${percentEncode(oddString(random))}`,
    () => `${base}?${'q='.repeat(random.between(1, 3000))}`,
    () => `${PREFIX}/stats${random.pick(['', '/', '?x=1', '/extra'])}`,
    () => `${PREFIX}/${id}`,
    () => `${PREFIX}/${id}/versions`,
    () => `${PREFIX}/${id}/VERSIONS/`,
    () => `${PREFIX}/by-name/${secret.name}${secret.namespace ? `?namespace=${secret.namespace}` : ''}`,
    () => `${PREFIX}/by-name/${secret.name}/versions${secret.namespace ? `?namespace=${secret.namespace}` : ''}`,
    () => {
      const missing = missingName(random, targets.secrets);
      return `${PREFIX}/by-name/${missing.segment}${random.pick(['', '/versions'])}${missing.query}`;
    },
    () => `${PREFIX}/${badIdSegment(random, secret.id)}`,
    () => `${PREFIX}/${badIdSegment(random, secret.id)}/versions`,
    () => `${PREFIX}/${unknownId(random, targets.secrets)}${random.pick(['', '/versions'])}`,
    () => unroutedWritePath(random, secret),
    () => random.pick(['/', '*', '/favicon.ico', '/dashboard/auth/me', '/dashboard/auth/login', '/dashboard', '/api']),
    () => `/${'a/'.repeat(random.between(1, 2000))}`,
    () => `${PREFIX}/${'%2e%2e/'.repeat(random.between(1, 50))}etc/passwd`,
    () => `http://evil.example${PREFIX}`,
  ]);
}

function latin1Junk(random: FuzzRandom): string {
  // A header value must not hold CR, LF or other control bytes; everything else of latin1 is allowed.
  const bytes = Buffer.from(oddString(random), 'utf8').map((byte) =>
    byte === 9 || (byte > 31 && byte !== 127) ? byte : 63,
  );
  return Buffer.from(bytes).toString('latin1');
}

/** A key that looks like the real one but is not (never equal to it; empty only when `allowEmpty`). */
function almostKey(random: FuzzRandom, key: string, allowEmpty = true): string {
  const candidate = random.oneOf([
    () => key.slice(0, 16),
    () => key.slice(0, -1),
    () => `${key}x`,
    () => key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'),
    () => key.toUpperCase(),
    () => `sk_${latin1Junk(random)}`,
    () => 'sk_' + 'A'.repeat(random.between(0, 6000)),
    () => latin1Junk(random),
    () => (allowEmpty ? '' : 'sk_'),
  ]);
  return candidate === key || (!allowEmpty && candidate === '') ? `${key}x` : candidate;
}

function garbageToken(random: FuzzRandom, writeKey: string): string {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return random.oneOf([
    () => latin1Junk(random),
    () => writeKey,
    () => `eyJ${latin1Junk(random)}`,
    () =>
      `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'admin', role: 'dashboard_admin', token_type: 'access' })}.`,
    () =>
      `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'x', role: 'dashboard_admin', exp: 1 })}.${'A'.repeat(43)}`,
    () => 'x'.repeat(random.between(1, 6000)),
    () => '',
  ]);
}

/** Credentials that authenticate with every right. */
export function validAuth(random: FuzzRandom, targets: FuzzTargets): HeaderLine[] {
  return random.chance(0.5)
    ? [['X-Service-Key', targets.writeKey]]
    : [['Authorization', `ServiceKey ${targets.writeKey}`]];
}

/** Credentials that fail authentication (→ 401), whatever the request. */
export function badAuth(random: FuzzRandom, targets: FuzzTargets): HeaderLine[] {
  const { writeKey } = targets;
  return random.oneOf<HeaderLine[]>([
    () => [],
    () => [['Authorization', `Bearer ${garbageToken(random, writeKey)}`]],
    () => [
      [
        'Authorization',
        `${random.pick(['bearer', 'BEARER', 'Basic', 'Token', 'Bearer:'])} ${garbageToken(random, writeKey)}`,
      ],
    ],
    () => [['Authorization', writeKey]],
    () => [['Authorization', `ServiceKey ${almostKey(random, writeKey)}`]],
    () => [['X-Service-Key', almostKey(random, writeKey)]],
    () => [
      ['X-Service-Key', writeKey],
      ['X-Service-Key', almostKey(random, writeKey)],
    ],
    () => [
      ['Authorization', `Bearer ${garbageToken(random, writeKey)}`],
      ['Authorization', `ServiceKey ${writeKey}`],
    ],
    () => [['X-Client-Key', random.chance(0.5) ? writeKey : latin1Junk(random)]],
    // An empty X-Service-Key would let the Authorization fallback authenticate.
    () => [
      ['X-Service-Key', almostKey(random, writeKey, false)],
      ['Authorization', `ServiceKey ${writeKey}`],
    ],
  ]);
}

/** Harmless extra headers: odd names and values, sizes up to about 12 KB. Never credentials or framing. */
export function headerNoise(random: FuzzRandom): HeaderLine[] {
  const lines: HeaderLine[] = [];
  const count = random.int(4);
  for (let i = 0; i < count; i++) {
    lines.push(
      random.oneOf<HeaderLine>([
        () => [`X-Fuzz-${random.int(100)}`, latin1Junk(random)],
        () => ['User-Agent', latin1Junk(random)],
        () => ['Accept', random.pick(['*/*', 'text/html', 'application/xml', '', 'application/json;q=0'])],
        () => ['X-FB-Tenant', latin1Junk(random)],
        () => ['Cookie', `fluxbase_access_token=${latin1Junk(random)}`],
        () => ['X-Forwarded-For', '127.0.0.1, ::1, evil'],
        () => ['Content-Encoding', random.pick(['gzip', 'br', 'identity', 'junk'])],
        () => ['Upgrade', 'websocket'],
        () => ['X-Pad', 'p'.repeat(random.between(1000, 12_000))],
      ]),
    );
  }
  return lines;
}
