/**
 * Fuzz cases for the functions and jobs registry routes (contract part 3).
 * As with the secrets cases, none may change data: every sync carries a
 * defect the contract refuses before writing (body, content type,
 * credentials, size), or is a dry run, or is a jobs sync without jobs (the
 * empty-directory filesystem sync, which changes nothing locally).
 */
import type { FuzzCase } from './fuzzCases';
import { badAuth, FuzzTargets, HeaderLine } from './fuzzParts';
import type { FuzzRandom } from './fuzzRandom';
import { request } from './fuzzRequest';
import { breakJson, invalidUtf8, longString, nonStringValue, oddString, percentEncode } from './fuzzValues';

/** What the registry cases aim at. */
export interface RegistryFuzzTargets {
  /** A service_role JWT signed with the server's JWT secret. */
  readonly serviceRoleToken: string;
  /** An anon role JWT (authenticates, but is not an admin role). */
  readonly anonToken: string;
  /** Seeded functions and jobs as `namespace/name`. */
  readonly functions: readonly string[];
  readonly jobs: readonly string[];
}

type Json = Record<string, unknown>;
const JSON_TYPE: HeaderLine = ['Content-Type', 'application/json'];

function registry(targets: FuzzTargets): RegistryFuzzTargets {
  if (targets.registry === undefined) throw new Error('the registry fuzz cases need targets.registry');
  return targets.registry;
}

/** Credentials /api/v1/admin accepts (a service_role JWT as Bearer, bare, or in the cookie). */
function adminAuth(random: FuzzRandom, token: string): HeaderLine[] {
  return random.pick<HeaderLine[]>([
    [['Authorization', `Bearer ${token}`]],
    [['Authorization', token]],
    [['Cookie', `fluxbase_access_token=${token}`]],
  ]);
}

/** Credentials /api/v1/admin refuses (401 or 403), whatever else the request carries. */
function refusedAdminAuth(random: FuzzRandom, targets: FuzzTargets): HeaderLine[] {
  const { serviceRoleToken, anonToken } = registry(targets);
  return random.oneOf<HeaderLine[]>([
    () => [['X-Service-Key', targets.writeKey]],
    () => [['X-Service-Key', serviceRoleToken]],
    () => [['Authorization', `ServiceKey ${serviceRoleToken}`]],
    () => [['Authorization', `Bearer ${targets.writeKey}`]],
    () => [['Authorization', `Bearer ${anonToken}`]],
    () => [['Cookie', `fluxbase_access_token=${oddString(random)}x`]],
    () => badAuth(random, targets),
  ]);
}

function item(random: FuzzRandom, names: readonly string[], jobs: boolean): Json {
  const name = random.chance(0.5) ? (random.pick(names).split('/')[1] ?? 'x') : oddString(random);
  const body: Json = { [random.pick(['name', 'NAME', 'Name'])]: name, code: oddString(random) };
  if (random.chance(0.3)) body.description = random.chance(0.2) ? null : oddString(random);
  if (random.chance(0.3)) body.is_bundled = random.chance(0.5);
  if (random.chance(0.3)) body.timeout_seconds = random.between(0, 10_000);
  if (random.chance(0.2)) body[jobs ? 'schedule' : 'cron_schedule'] = oddString(random);
  if (jobs && random.chance(0.2)) body.require_roles = [oddString(random)];
  return body;
}

/** A sync body the contract accepts; `dryRun` sets the option. */
function validSync(random: FuzzRandom, targets: FuzzTargets, jobs: boolean, dryRun: boolean): Json {
  const names = jobs ? registry(targets).jobs : registry(targets).functions;
  const items = Array.from({ length: random.between(0, 4) }, () => item(random, names, jobs));
  const options: Json = { [random.pick(['dry_run', 'DRY_RUN', 'Dry_Run'])]: dryRun };
  if (random.chance(0.5)) options.delete_missing = random.chance(0.5);
  const namespace = random.chance(0.5) ? (random.pick(names).split('/')[0] ?? '') : oddString(random);
  return { namespace, [jobs ? 'jobs' : 'functions']: items, options };
}

/** A valid sync body with one value of the wrong JSON type (→ 400). */
function wrongTypeSync(random: FuzzRandom, targets: FuzzTargets, jobs: boolean): Json {
  const body = validSync(random, targets, jobs, false);
  const list = jobs ? 'jobs' : 'functions';
  const first = { name: oddString(random), code: oddString(random) };
  return random.oneOf<Json>([
    () => ({ ...body, namespace: nonStringValue(random) }),
    () => ({ ...body, [list]: random.pick<unknown>([{}, 'x', 5, true]) }),
    () => ({ ...body, [list]: [random.pick<unknown>([5, 'x', true, []])] }),
    () => ({
      ...body,
      [list]: [{ ...first, [random.pick(['name', 'code', 'description'])]: random.pick([5, true, [], {}]) }],
    }),
    () => ({
      ...body,
      [list]: [{ ...first, [random.pick(['enabled', 'allow_net', 'is_bundled'])]: random.pick(['yes', 1, 0, [], {}]) }],
    }),
    () => ({ ...body, [list]: [{ ...first, timeout_seconds: random.pick([1.5, '30', true, -0.5, 1e300]) }] }),
    () => ({ ...body, options: random.pick<unknown>([5, 'x', [], { dry_run: 'true' }, { delete_missing: 1 }]) }),
  ]);
}

function syncPath(random: FuzzRandom, jobs: boolean): string {
  const path = jobs ? '/api/v1/admin/jobs/sync' : '/api/v1/admin/functions/sync';
  return random.pick([path, path.toUpperCase(), `${path}/`, `${path}?dry_run=true`]);
}

/**
 * Header noise may add a `fluxbase_access_token` cookie, which /api/v1/admin
 * reads before Authorization (as EU does): then the junk token is refused.
 */
function withCookieNoise(fuzzCase: FuzzCase, own: HeaderLine[]): FuzzCase {
  const noise = fuzzCase.request.headers.slice(own.length);
  // Node joins Cookie headers in order, and the first fluxbase_access_token wins: an own cookie stays first.
  const junkFirst = !own.some(([name]) => name === 'Cookie') && noise.some(([name]) => name === 'Cookie');
  const { expect } = fuzzCase;
  if (!junkFirst || expect === 'reject' || expect === 'readOrReject') return fuzzCase;
  // A declared over-limit body is refused before authentication; a chunked one after it.
  return { ...fuzzCase, expect: expect.includes(413) ? [401, 413] : [401] };
}

function syncCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  const jobs = random.chance(0.5);
  const token = registry(targets).serviceRoleToken;
  const path = syncPath(random, jobs);
  const json = (body: Json): Buffer => Buffer.from(JSON.stringify(body), 'utf8');
  const make = (category: string, headers: HeaderLine[], body: Buffer, expect: FuzzCase['expect']): FuzzCase =>
    withCookieNoise(
      { category: `registry: ${category}`, request: request('POST', path, headers, body, random), expect },
      headers,
    );
  return random.oneOf<FuzzCase>([
    () => {
      const broken = Buffer.from(breakJson(random, JSON.stringify(validSync(random, targets, jobs, false))), 'utf8');
      const body = random.chance(0.2) ? Buffer.concat([broken, invalidUtf8(random)]) : broken;
      return make('sync, broken JSON', [...adminAuth(random, token), JSON_TYPE], body, [400]);
    },
    () =>
      make(
        'sync, wrong JSON type',
        [...adminAuth(random, token), JSON_TYPE],
        json(wrongTypeSync(random, targets, jobs)),
        [400],
      ),
    () => {
      const type = random.pick<HeaderLine[]>([
        [],
        [['Content-Type', 'text/plain']],
        [['Content-Type', 'application/jsonx']],
      ]);
      return make(
        'sync, content type',
        [...adminAuth(random, token), ...type],
        json(validSync(random, targets, jobs, false)),
        [400],
      );
    },
    () =>
      make(
        'sync, refused credentials',
        [...refusedAdminAuth(random, targets), JSON_TYPE],
        json(validSync(random, targets, jobs, false)),
        'reject',
      ),
    () =>
      make(
        'sync, dry run',
        [...adminAuth(random, token), JSON_TYPE],
        json(validSync(random, targets, jobs, true)),
        [200],
      ),
    () => {
      const body = json({ ...validSync(random, targets, false, false), jobs: random.pick([[], null]) });
      const headers = [...adminAuth(random, token), JSON_TYPE];
      return withCookieNoise(
        {
          category: 'registry: jobs sync without jobs',
          request: request('POST', syncPath(random, true), headers, body, random),
          expect: [200],
        },
        headers,
      );
    },
    () => {
      const big = {
        ...validSync(random, targets, jobs, false),
        pad: longString(random, targets.bodyLimit + random.between(1, 4096)),
      };
      return make('sync, over the limit', [...adminAuth(random, token), JSON_TYPE], json(big), [413]);
    },
  ]);
}

function readTarget(random: FuzzRandom, targets: FuzzTargets): string {
  const { functions, jobs } = registry(targets);
  const fn = random.pick(functions).split('/')[1] ?? '';
  const job = random.pick(jobs);
  const odd = percentEncode(oddString(random));
  return random.oneOf([
    () => random.pick(['/api/v1/functions', '/api/v1/functions/', '/API/V1/FUNCTIONS//']),
    () => `/api/v1/functions?namespace=${random.pick([odd, 'default', '', '%ZZ', '%00'])}`,
    () =>
      `/api/v1/functions/${random.pick([fn, odd, 'namespaces', 'shared', fn.toUpperCase()])}${random.pick(['', '?namespace=zz'])}`,
    () =>
      random.pick([
        '/api/v1/admin/functions/namespaces',
        '/api/v1/admin/jobs/namespaces',
        '/API/V1/ADMIN/JOBS/NAMESPACES/',
      ]),
    () => `/api/v1/admin/jobs/functions${random.pick(['', '/', `?namespace=${odd}`, '?namespace='])}`,
    () => `/api/v1/admin/jobs/functions/${random.pick([job, `${odd}/${odd}`, `${job}/extra`, `default/${odd}`])}`,
    () => `/api/v1/admin/${random.pick(['functions', 'jobs', odd, 'functions/sync', 'jobs/sync'])}`,
  ]);
}

function readAuth(random: FuzzRandom, targets: FuzzTargets): HeaderLine[] {
  const { serviceRoleToken, anonToken } = registry(targets);
  return random.oneOf<HeaderLine[]>([
    () => adminAuth(random, serviceRoleToken),
    () => [['X-Service-Key', random.pick([targets.writeKey, targets.readKey, serviceRoleToken, anonToken])]],
    () => [['Authorization', `Bearer ${anonToken}`]],
    () => refusedAdminAuth(random, targets),
  ]);
}

/** A registry request: a read in any spelling with any credentials, or a sync that cannot write. */
export function registryCase(random: FuzzRandom, targets: FuzzTargets): FuzzCase {
  if (random.chance(0.6)) return syncCase(random, targets);
  const headers = readAuth(random, targets);
  return {
    category: 'registry: read paths and credentials',
    request: request(random.chance(0.8) ? 'GET' : 'HEAD', readTarget(random, targets), headers, undefined, random),
    expect: 'readOrReject',
  };
}
