/**
 * The fuzz request generator. Each case belongs to one category and carries
 * what the contract allows as an answer. No case may change data: every
 * write-shaped case carries at least one defect that the contract rejects
 * before anything is written (bad body, content type, credentials, scope,
 * target, version, method, duplicate name, size), and the rest of the request
 * is randomised only in ways that cannot remove that defect.
 */
import type { RawRequest } from './fuzzHttp';
import {
  anyVersion,
  badAuth,
  badIdSegment,
  FuzzTargets,
  HeaderLine,
  idForm,
  KnownSecret,
  missingName,
  PREFIX,
  readPath,
  rejectedVersion,
  unknownId,
  unroutedWritePath,
  validAuth,
} from './fuzzParts';
import type { FuzzRandom } from './fuzzRandom';
import { request } from './fuzzRequest';
import { registryCase } from './fuzzRegistryCases';
import {
  breakJson,
  invalidExpiry,
  invalidUtf8,
  longString,
  nonStringValue,
  oddString,
  percentEncode,
} from './fuzzValues';

/** What a case may be answered with: any 2xx/4xx for reads, any 4xx, or exactly these statuses. */
export type FuzzExpectation = 'readOrReject' | 'reject' | readonly number[];

/** One generated request and its allowed answers. */
export interface FuzzCase {
  readonly category: string;
  readonly request: RawRequest;
  readonly expect: FuzzExpectation;
}

type Json = Record<string, unknown>;
const JSON_TYPE: HeaderLine = ['Content-Type', 'application/json'];

function jsonType(random: FuzzRandom): HeaderLine {
  return random.pick<HeaderLine>([
    JSON_TYPE,
    ['Content-Type', 'application/json; charset=utf-8'],
    ['Content-Type', 'APPLICATION/JSON'],
    ['Content-Type', 'application/vnd.api+json'],
  ]);
}

function futureExpiry(random: FuzzRandom): string {
  const offset = random.pick(['Z', '+02:00', '-11:30', '.123456789Z']);
  return `20${random.between(40, 99)}-0${random.between(1, 9)}-1${random.between(0, 9)}T12:00:00${offset}`;
}

/** A create body the contract accepts (so it needs another defect to be rejected). */
function validCreate(random: FuzzRandom): Json {
  const body: Json = { name: `FUZZ_NEW_${oddString(random)}`, value: oddString(random) };
  if (random.chance(0.3)) body.scope = 'namespace';
  if (body.scope === 'namespace' || random.chance(0.2)) body.namespace = oddString(random);
  if (random.chance(0.3)) body.description = oddString(random);
  if (random.chance(0.2)) body.expires_at = futureExpiry(random);
  return body;
}

/** An update body the contract accepts. */
function validUpdate(random: FuzzRandom): Json {
  const body: Json = {};
  const valueKey = random.pick(['value', 'VALUE', 'Value']);
  if (random.chance(0.7)) body[valueKey] = random.chance(0.1) ? '' : oddString(random);
  if (random.chance(0.3) || Object.keys(body).length === 0) body.description = oddString(random);
  if (random.chance(0.2)) body.expires_at = futureExpiry(random);
  return body;
}

/** A create body that is valid JSON but fails a check of §1.3 (3). */
function rejectedCreateJson(random: FuzzRandom): Json {
  const body = validCreate(random);
  return random.oneOf<Json>([
    () => ({ ...body, [random.pick(['name', 'value', 'scope', 'NAME'])]: nonStringValue(random) }),
    () => ({ ...body, [random.pick(['namespace', 'description', 'expires_at'])]: nonStringValue(random) }),
    () => ({ ...body, expires_at: invalidExpiry(random) }),
    () => ({ ...body, name: random.pick(['', null]) }),
    () => ({ ...body, value: random.pick(['', null]) }),
    () => ({ value: body.value }),
    () => ({ name: body.name }),
    () => ({ ...body, scope: random.pick(['Global', 'NAMESPACE', 'all', ' global', oddString(random)]) }),
    () => ({ ...body, scope: 'namespace', namespace: random.pick(['', null, undefined]) }),
  ]);
}

/** An update body that is valid JSON but fails a check of §1.3 (5). */
function rejectedUpdateJson(random: FuzzRandom): Json {
  const body = validUpdate(random);
  return random.oneOf<Json>([
    () => ({ ...body, [random.pick(['value', 'description', 'expires_at', 'Value'])]: nonStringValue(random) }),
    () => ({ ...body, expires_at: invalidExpiry(random) }),
    () => ({}),
    () => ({ value: null, description: null, expires_at: null }),
    () => ({ name: oddString(random), scope: 'global', namespace: oddString(random), valu: 'x', 'value ': 'x' }),
  ]);
}

function toBody(json: Json): Buffer {
  return Buffer.from(JSON.stringify(json), 'utf8');
}

/** A body that the JSON decoder refuses: broken text, or bytes with invalid UTF-8 around a broken text. */
function brokenBody(random: FuzzRandom, valid: Json): Buffer {
  const broken = Buffer.from(breakJson(random, JSON.stringify(valid)), 'utf8');
  return random.chance(0.2) ? Buffer.concat([broken, invalidUtf8(random)]) : broken;
}

interface WriteTarget {
  readonly method: string;
  readonly target: string;
  readonly kind: 'create' | 'update' | 'other';
}

/** A write route aimed at a secret that exists, spelled in any accepted way. */
function realWriteTarget(random: FuzzRandom, secret: KnownSecret): WriteTarget {
  const id = idForm(random, secret.id);
  const ns = secret.namespace === undefined ? '' : `?namespace=${percentEncode(secret.namespace)}`;
  return random.pick<WriteTarget>([
    { method: 'POST', target: random.pick([PREFIX, `${PREFIX}/`, '/API/V1/SECRETS', `${PREFIX}?x=1`]), kind: 'create' },
    { method: 'PUT', target: `${PREFIX}/${id}`, kind: 'update' },
    { method: 'PUT', target: `${PREFIX}/by-name/${secret.name}${ns}`, kind: 'update' },
    { method: 'DELETE', target: `${PREFIX}/${id}`, kind: 'other' },
    { method: 'DELETE', target: `${PREFIX}/by-name/${secret.name}${ns}`, kind: 'other' },
    { method: 'POST', target: `${PREFIX}/${id}/rollback/1`, kind: 'other' },
    { method: 'POST', target: `${PREFIX}/by-name/${secret.name}/rollback/1${ns}`, kind: 'other' },
  ]);
}

/** A write route that the contract answers with 400 or 404 before writing. */
function rejectedWriteTarget(random: FuzzRandom, targets: FuzzTargets, secret: KnownSecret): WriteTarget {
  const unknown = unknownId(random, targets.secrets);
  const missing = missingName(random, targets.secrets);
  const bad = badIdSegment(random, secret.id);
  return random.oneOf<WriteTarget>([
    () => ({ method: random.pick(['PUT', 'DELETE']), target: `${PREFIX}/${bad}`, kind: 'update' }),
    () => ({ method: random.pick(['PUT', 'DELETE']), target: `${PREFIX}/${unknown}`, kind: 'update' }),
    () => ({ method: 'POST', target: `${PREFIX}/${bad}/rollback/${anyVersion(random)}`, kind: 'other' }),
    () => ({ method: 'POST', target: `${PREFIX}/${unknown}/rollback/${anyVersion(random)}`, kind: 'other' }),
    () => ({
      method: 'POST',
      target: `${PREFIX}/${idForm(random, secret.id)}/rollback/${rejectedVersion(random, secret)}`,
      kind: 'other',
    }),
    () => ({
      method: 'POST',
      target: `${PREFIX}/by-name/${secret.name}/rollback/${rejectedVersion(random, secret)}${
        secret.namespace === undefined ? '' : `?namespace=${percentEncode(secret.namespace)}`
      }`,
      kind: 'other',
    }),
    () => ({
      method: random.pick(['PUT', 'DELETE']),
      target: `${PREFIX}/by-name/${missing.segment}${missing.query}`,
      kind: 'update',
    }),
    () => ({
      method: 'POST',
      target: `${PREFIX}/by-name/${missing.segment}/rollback/${anyVersion(random)}${missing.query}`,
      kind: 'other',
    }),
    () => ({
      method: random.pick(['PUT', 'DELETE', 'POST']),
      target: unroutedWritePath(random, secret),
      kind: 'create',
    }),
  ]);
}

function validBodyFor(random: FuzzRandom, kind: WriteTarget['kind']): Buffer {
  if (kind === 'create') return toBody(validCreate(random));
  if (kind === 'update') return toBody(validUpdate(random));
  return random.chance(0.5) ? Buffer.from('{}') : toBody(validCreate(random));
}

/** A write with valid credentials and target whose body the decoder or the checks refuse (400, or 409). */
function badBodyCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  const secret = random.pick(targets.secrets);
  const create = random.chance(0.5);
  const target = create
    ? random.pick([PREFIX, `${PREFIX}/`])
    : random.pick([`${PREFIX}/${idForm(random, secret.id)}`, `${PREFIX}/by-name/${secret.name}${nsQuery(secret)}`]);
  const valid = create ? validCreate(random) : validUpdate(random);
  const rejected = create ? rejectedCreateJson(random) : rejectedUpdateJson(random);
  const body = random.chance(0.5) ? brokenBody(random, valid) : toBody(rejected);
  return {
    category: create ? 'body: create' : 'body: update',
    request: request(create ? 'POST' : 'PUT', target, [...validAuth(random, targets), jsonType(random)], body, random),
    expect: [400],
  };
}

function nsQuery(secret: KnownSecret): string {
  return secret.namespace === undefined ? '' : `?namespace=${percentEncode(secret.namespace)}`;
}

/** A valid create or update body sent with a content type that does not select JSON (→ 400). */
function contentTypeCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  const secret = random.pick(targets.secrets);
  const create = random.chance(0.5);
  const type = random.pick<HeaderLine[]>([
    [],
    [['Content-Type', 'text/plain']],
    [['Content-Type', 'application/xml']],
    [['Content-Type', 'application/x-www-form-urlencoded']],
    [['Content-Type', 'multipart/form-data; boundary=x']],
    [['Content-Type', 'application/jsonx']],
    [['Content-Type', 'json']],
    [['Content-Type', '']],
    [['Content-Type', 'text/json']],
  ]);
  const body = toBody(create ? validCreate(random) : validUpdate(random));
  const target = create ? PREFIX : `${PREFIX}/${idForm(random, secret.id)}`;
  return {
    category: 'content type',
    request: request(create ? 'POST' : 'PUT', target, [...validAuth(random, targets), ...type], body, random),
    expect: [400],
  };
}

/** A valid write at a real secret with broken credentials (→ 401), or a read-only key (→ 403). */
function authCase(random: FuzzRandom, targets: FuzzTargets, readOnly: boolean): FuzzCase {
  const target = realWriteTarget(random, random.pick(targets.secrets));
  const auth: HeaderLine[] = readOnly ? [['X-Service-Key', targets.readKey]] : badAuth(random, targets);
  return {
    category: readOnly ? 'scope: read-only key writes' : 'auth: broken credentials',
    request: request(target.method, target.target, [...auth, JSON_TYPE], validBodyFor(random, target.kind), random),
    expect: readOnly ? [403] : [401],
  };
}

/** A valid body with valid credentials aimed at an id, name, version or path that is not there. */
function targetCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  const target = rejectedWriteTarget(random, targets, random.pick(targets.secrets));
  return {
    category: 'target: bad id, name, version or path',
    request: request(
      target.method,
      target.target,
      [...validAuth(random, targets), JSON_TYPE],
      validBodyFor(random, target.kind),
      random,
    ),
    expect: 'reject',
  };
}

/** Methods Node parses but no secrets route has (→ 404 after authentication). */
function methodCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  const target = realWriteTarget(random, random.pick(targets.secrets));
  const method = random.pick(['PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK']);
  const more = random.pick(['UNLOCK', 'PURGE', 'SEARCH', 'REPORT', 'LINK', 'UNLINK', 'SUBSCRIBE', 'ACL']);
  return {
    category: 'method: unrouted',
    request: request(
      random.chance(0.5) ? method : more,
      target.target,
      [...validAuth(random, targets), JSON_TYPE],
      validBodyFor(random, target.kind),
      random,
    ),
    expect: [404],
  };
}

/** A valid create of a name that already exists in that scope (→ 409). */
function duplicateCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  const secret = random.pick(targets.secrets);
  const body: Json = { [random.pick(['name', 'NAME', 'Name'])]: secret.name, value: oddString(random) };
  if (secret.namespace !== undefined) Object.assign(body, { scope: 'namespace', namespace: secret.namespace });
  else if (random.chance(0.5)) body.scope = random.pick(['global', '']);
  if (random.chance(0.5)) body.description = oddString(random);
  return {
    category: 'duplicate name',
    request: request('POST', PREFIX, [...validAuth(random, targets), jsonType(random)], toBody(body), random),
    expect: [409],
  };
}

/** A valid write whose body is over the limit, declared or chunked (→ 413). */
function oversizeCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  const secret = random.pick(targets.secrets);
  const create = random.chance(0.5);
  const big = longString(random, targets.bodyLimit + random.between(1, targets.bodyLimit));
  const body = toBody(create ? { ...validCreate(random), value: big } : { value: big });
  const target = create ? PREFIX : `${PREFIX}/${idForm(random, secret.id)}`;
  const chunked = random.chance(0.4);
  return {
    category: chunked ? 'size: over the limit, chunked' : 'size: over the limit, declared',
    request: {
      method: create ? 'POST' : 'PUT',
      target,
      headers: [...validAuth(random, targets), JSON_TYPE],
      body,
      chunked,
    },
    expect: [413],
  };
}

/** A body within 512 bytes of the limit that is rejected for another reason. */
function nearLimitCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  const secret = random.pick(targets.secrets);
  const size = targets.bodyLimit - random.int(512);
  const prefix = oddString(random);
  const shell = random.pick<Json>([{ value: '' }, { name: '', value: '' }, { name: secret.name, value: '' }]);
  if (secret.namespace !== undefined && shell.name === secret.name) {
    Object.assign(shell, { scope: 'namespace', namespace: secret.namespace });
  }
  const empty = Buffer.byteLength(JSON.stringify({ ...shell, value: prefix }));
  const body = toBody({ ...shell, value: prefix + 'x'.repeat(Math.max(0, size - empty)) });
  // Three shells: no name (400), empty name (400), a duplicate (409); or a cut body (400).
  const cut = random.chance(0.3) ? body.subarray(0, body.length - 1) : body;
  return {
    category: 'size: near the limit, rejected',
    request: request('POST', PREFIX, [...validAuth(random, targets), JSON_TYPE], cut, random),
    expect: 'reject',
  };
}

/** Reads of every route in odd spellings, with any credentials and junk. */
function readCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  const auth = random.chance(0.6) ? validAuth(random, targets) : badAuth(random, targets);
  const readOnly: HeaderLine[] = [['X-Service-Key', targets.readKey]];
  const body = random.chance(0.1) ? brokenBody(random, validCreate(random)) : undefined;
  return {
    category: 'read: paths, queries, headers',
    request: request(
      random.chance(0.8) ? 'GET' : 'HEAD',
      readPath(random, targets),
      random.chance(0.2) ? readOnly : auth,
      body,
      random,
    ),
    expect: 'readOrReject',
  };
}

/** Dashboard auth routes with junk (no dashboard user exists, so nothing can be written). */
function dashboardCase(random: FuzzRandom): FuzzCase {
  const path = random.pick(['/dashboard/auth/login', '/dashboard/auth/refresh', '/dashboard/auth/2fa/verify']);
  const valid = {
    email: `${oddString(random)}@example.test`,
    password: oddString(random),
    refresh_token: oddString(random),
    user_id: oddString(random),
    code: '123456',
  };
  const body = random.chance(0.5) ? brokenBody(random, valid) : toBody(valid);
  return {
    category: 'dashboard auth junk',
    request: request(random.chance(0.8) ? 'POST' : 'GET', path, [JSON_TYPE], body, random),
    expect: 'reject',
  };
}

/**
 * Requests Node's HTTP parser refuses, and the HTTP edge cases around it.
 * Their body is a create without a value, so that a request the parser
 * lets through is still refused (400) and cannot write.
 */
function protocolCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  const auth = validAuth(random, targets);
  const body = toBody({ name: 'FUZZ_PROTOCOL', description: oddString(random) });
  const plain = (partial: Partial<RawRequest>, expect: FuzzExpectation, what: string): FuzzCase => ({
    category: `protocol: ${what}`,
    request: { method: 'POST', target: PREFIX, headers: [...auth, JSON_TYPE], body, ...partial },
    expect,
  });
  const withHeaders = (...extra: HeaderLine[]): Partial<RawRequest> => ({ headers: [...auth, JSON_TYPE, ...extra] });
  return random.oneOf<FuzzCase>([
    () =>
      plain(
        { method: random.pick(['post', 'FOO', 'GETT', 'P\x7fST', 'P\xd6ST', 'M'.repeat(40), '']) },
        [400],
        'method token',
      ),
    () =>
      plain(
        { target: `${PREFIX}/${random.pick(['\xe9', 'a\x7fb', 'a b', 'a\tb', '\x00', '\xff\xfe'])}` },
        'reject',
        'target bytes',
      ),
    () =>
      plain(
        withHeaders(
          random.pick<HeaderLine>([
            ['X Bad', '1'],
            ['X-Bad\x01', '1'],
            ['', 'v'],
            ['X-A', 'a\x00b'],
            ['X-A', 'a\rb'],
            ['(x)', '1'],
          ]),
        ),
        'reject',
        'header syntax',
      ),
    () => plain(withHeaders(['X-Huge', 'h'.repeat(random.between(17_000, 40_000))]), [431], 'one huge header'),
    () =>
      plain(
        withHeaders(
          ...Array.from({ length: random.between(200, 400) }, (_, i): HeaderLine => [`X-Many-${i}`, 'm'.repeat(90)]),
        ),
        [431],
        'too many header bytes',
      ),
    () => plain({ omitHost: true }, [400], 'no Host'),
    () =>
      plain(
        {
          method: 'GET',
          headers: [...auth, ['Expect', random.pick(['junk', '200-ok', '101-switch'])]],
          body: undefined,
        },
        [417],
        'Expect',
      ),
    () =>
      plain(
        { method: 'CONNECT', target: random.pick(['127.0.0.1:80', PREFIX, 'evil.example:443']), body: undefined },
        [404],
        'CONNECT',
      ),
    () =>
      plain(
        withHeaders(
          ...random.pick<HeaderLine[]>([
            [
              ['Content-Length', '5'],
              ['Content-Length', '6'],
            ],
            [['Content-Length', 'abc']],
            [['Content-Length', '-1']],
            [
              ['Transfer-Encoding', 'chunked'],
              ['Content-Length', '3'],
            ],
            [['Transfer-Encoding', 'chunked, gzip']],
          ]),
        ),
        'reject',
        'framing',
      ),
    () =>
      plain(
        { httpVersion: random.pick(['HTTP/2.0', 'HTTP/1.2', 'HTTX/1.1', 'HTTP/1', 'http/1.1']) },
        'reject',
        'HTTP version',
      ),
    () => plain({ httpVersion: 'HTTP/1.0', omitHost: true, headers: [JSON_TYPE] }, [401], 'HTTP/1.0 without Host'),
  ]);
}

const WEIGHTED: readonly [number, (random: FuzzRandom, targets: FuzzTargets) => FuzzCase][] = [
  [18, badBodyCase],
  [5, contentTypeCase],
  [14, (random, targets) => authCase(random, targets, false)],
  [3, (random, targets) => authCase(random, targets, true)],
  [12, targetCase],
  [5, methodCase],
  [4, duplicateCase],
  [4, oversizeCase],
  [3, nearLimitCase],
  [20, readCase],
  [3, (random) => dashboardCase(random)],
  [9, protocolCase],
  [14, registryCase],
];
const TOTAL_WEIGHT = WEIGHTED.reduce((sum, [weight]) => sum + weight, 0);

/** The next fuzz case. */
export function fuzzCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  let roll = random.int(TOTAL_WEIGHT);
  for (const [weight, make] of WEIGHTED) {
    if (roll < weight) return make(random, targets);
    roll -= weight;
  }
  throw new Error('unreachable');
}
