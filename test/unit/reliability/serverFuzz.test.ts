/**
 * Server fuzzing (issue 9): 10,000 seeded malformed requests against one
 * server child process. Replay a failing run with FLUXBASE_FUZZ_SEED=<seed>.
 */
import * as assert from 'node:assert/strict';
import { fuzzCase, type FuzzCase } from '../../support/fuzzCases';
import { sendRaw, type RawHttpResponse } from '../../support/fuzzHttp';
import type { FuzzTargets, KnownSecret } from '../../support/fuzzParts';
import type { RegistryFuzzTargets } from '../../support/fuzzRegistryCases';
import { FuzzRandom, fuzzSeed } from '../../support/fuzzRandom';
import { oddString } from '../../support/fuzzValues';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { roleToken, TEST_JWT_SECRET } from '../server/registry/registryHarness';
import { createKey, removeDir, send, tempDir, TEST_ENCRYPTION_KEY } from '../server/serverHarness';
import { apiSnapshot, databaseSnapshot, snapshotDifference } from './support/dataSnapshot';
import { describeRequest, fuzzProblem, type FuzzProblem } from './support/fuzzCheck';

const REQUESTS = 10_000;
const BATCH = 250;
const CONCURRENCY = 8;
/** Small enough that bodies near and over it stay cheap; the 1 MiB default is covered in test/unit/server. */
const BODY_LIMIT = 64 * 1024;

interface Finding {
  readonly index: number;
  readonly fuzzCase: FuzzCase;
  readonly problem: FuzzProblem;
}

interface FuzzRun {
  readonly statusCounts: Map<number, number>;
  readonly categoryCounts: Map<string, number>;
  readonly findings: Finding[];
  readonly snapshotChanges: string[];
  readonly controlVersions: number[];
  sent: number;
}

async function runBatch(port: number, cases: FuzzCase[], first: number, run: FuzzRun): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const index = next++;
      const current = cases[index] as FuzzCase;
      let response: RawHttpResponse | undefined;
      try {
        response = await sendRaw(port, current.request);
      } catch (error) {
        run.findings.push({
          index: first + index,
          fuzzCase: current,
          problem: { kind: 'status', text: `no answer: ${String(error)}` },
        });
      }
      run.sent++;
      run.categoryCounts.set(current.category, (run.categoryCounts.get(current.category) ?? 0) + 1);
      if (!response) continue;
      run.statusCounts.set(response.status, (run.statusCounts.get(response.status) ?? 0) + 1);
      const problem = fuzzProblem(current, response);
      if (problem !== undefined) run.findings.push({ index: first + index, fuzzCase: current, problem });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** Functions in two namespaces and jobs, synced with a service_role JWT; the fuzz must leave them as they are. */
async function seedRegistry(url: string): Promise<RegistryFuzzTargets> {
  const serviceRoleToken = await roleToken('service_role');
  const headers = { Authorization: `Bearer ${serviceRoleToken}` };
  const seeds: [string, Record<string, unknown>][] = [
    [
      'functions',
      {
        namespace: 'billing',
        functions: [
          { name: 'charge', code: 'a' },
          { name: 'refund', code: 'b' },
        ],
      },
    ],
    ['functions', { functions: [{ name: 'hello', code: '// @fluxbase:public false\nc' }] }],
    ['jobs', { namespace: 'billing', jobs: [{ name: 'invoices', code: 'd', schedule: '0 2 * * *' }] }],
    ['jobs', { jobs: [{ name: 'cleanup', code: 'import x from "y"', require_roles: ['admin'] }] }],
  ];
  for (const [kind, json] of seeds) {
    const response = await send(url, 'POST', `/api/v1/admin/${kind}/sync`, { headers, json });
    assert.equal(response.status, 200, response.text);
    assert.deepEqual((response.json as { errors: unknown[] }).errors, []);
  }
  return {
    serviceRoleToken,
    anonToken: await roleToken('anon'),
    functions: ['billing/charge', 'billing/refund', 'default/hello'],
    jobs: ['billing/invoices', 'default/cleanup'],
  };
}

describe('Server fuzzing (issue 9): 10,000 seeded malformed requests against one server process', function () {
  this.timeout(240_000);
  const seed = fuzzSeed();
  const replay = `(seed ${seed}; replay with FLUXBASE_FUZZ_SEED=${seed})`;
  let dataDir: string;
  let server: ServerProcess;
  let writeKey: string;
  let controlId: string;
  let beforeDb: string;
  let beforeApi: string;
  /** What the server showed after the fuzz, read in `before`: the root afterEach hook kills server processes. */
  const outcome = {
    db: '',
    api: '',
    controlHistory: [] as number[],
    exitCode: -1 as number | null,
    signal: '' as string | null,
    health: 0,
    output: '',
  };
  const run: FuzzRun = {
    statusCounts: new Map(),
    categoryCounts: new Map(),
    findings: [],
    snapshotChanges: [],
    controlVersions: [],
    sent: 0,
  };

  async function create(body: Record<string, unknown>): Promise<KnownSecret> {
    const response = await send(server.url, 'POST', '/api/v1/secrets', {
      headers: { 'X-Service-Key': writeKey },
      json: body,
    });
    assert.equal(response.status, 201, response.text);
    const { id, name, namespace } = response.json as KnownSecret;
    return { id, name, version: 1, ...(namespace === undefined ? {} : { namespace }) };
  }

  async function updateValue(secret: KnownSecret, value: string): Promise<KnownSecret> {
    const response = await send(server.url, 'PUT', `/api/v1/secrets/${secret.id}`, {
      headers: { 'X-Service-Key': writeKey },
      json: { value },
    });
    assert.equal(response.status, 200, response.text);
    return { ...secret, version: (response.json as { version: number }).version };
  }

  before(async () => {
    console.log(`      fuzz seed ${seed}`);
    const random = new FuzzRandom(seed);
    dataDir = tempDir('fluxbase-fuzz-');
    writeKey = createKey(dataDir, '*');
    const readKey = createKey(dataDir, 'read:secrets');
    server = await startServerProcess({
      dataDir,
      env: {
        FLUXBASE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
        FLUXBASE_SERVER_BODY_LIMIT: String(BODY_LIMIT),
        FLUXBASE_AUTH_JWT_SECRET: TEST_JWT_SECRET,
      },
    });
    const registry = await seedRegistry(server.url);
    let three = await create({ name: 'FUZZ_GLOBAL_ONE', value: 'v1', description: 'three versions' });
    three = await updateValue(three, 'v2');
    three = await updateValue(three, 'v3');
    const secrets: KnownSecret[] = [
      three,
      await create({ name: 'FUZZ_GLOBAL_TWO', value: oddString(random), expires_at: '2099-01-01T00:00:00Z' }),
      await create({ name: 'FUZZ_NS_KEY', value: 'ns', scope: 'namespace', namespace: 'fuzz-ns' }),
      await create({ name: 'FUZZ_GLOBAL_ONE', value: 'shadow', scope: 'namespace', namespace: 'other' }),
      await create({ name: 'FUZZ_EXPIRED', value: 'old', expires_at: '2001-01-01T00:00:00Z' }),
    ];
    controlId = (await create({ name: 'FUZZ_CONTROL', value: 'control' })).id;
    beforeDb = databaseSnapshot(dataDir, [controlId]);
    beforeApi = await apiSnapshot(server.url, writeKey, [controlId]);
    const targets: FuzzTargets = { writeKey, readKey, secrets, bodyLimit: BODY_LIMIT, registry };
    const port = Number(new URL(server.url).port);

    const started = Date.now();
    let control: KnownSecret = { id: controlId, name: 'FUZZ_CONTROL', version: 1 };
    for (let first = 0; first < REQUESTS; first += BATCH) {
      const cases = Array.from({ length: Math.min(BATCH, REQUESTS - first) }, () => fuzzCase(random, targets));
      await runBatch(port, cases, first, run);
      // A valid write between batches: the server still writes, and versions still count up by one.
      control = await updateValue(control, oddString(random));
      run.controlVersions.push(control.version);
      const rows = (first + BATCH) % 2000 === 0 ? databaseSnapshot(dataDir, [controlId]) : beforeDb;
      if (rows !== beforeDb) {
        run.snapshotChanges.push(`by request ${first + BATCH - 1}:\n${snapshotDifference(beforeDb, rows)}`);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const statuses = [...run.statusCounts].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(`      ${run.sent} requests in ${seconds} s; statuses ${statuses.join(' ')}`);
    for (const [category, count] of [...run.categoryCounts].sort()) console.log(`        ${count}\t${category}`);

    outcome.exitCode = server.process.exitCode;
    outcome.signal = server.process.signalCode;
    outcome.health = (
      await send(server.url, 'GET', '/api/v1/secrets/stats', { headers: { 'X-Service-Key': writeKey } })
    ).status;
    outcome.db = databaseSnapshot(dataDir, [controlId]);
    outcome.api = await apiSnapshot(server.url, writeKey, [controlId]);
    const history = await send(server.url, 'GET', `/api/v1/secrets/${controlId}/versions`, {
      headers: { 'X-Service-Key': writeKey },
    });
    outcome.controlHistory = (history.json as { version: number }[]).map((row) => row.version);
    outcome.output = server.output();
  });

  after(async () => {
    await server?.kill();
    if (dataDir) removeDir(dataDir);
  });

  function findingsText(kind: FuzzProblem['kind']): string {
    return run.findings
      .filter((finding) => finding.problem.kind === kind)
      .slice(0, Number(process.env.FLUXBASE_FUZZ_SHOW ?? 15))
      .map((finding) => `#${finding.index} ${finding.problem.text}\n    ${describeRequest(finding.fuzzCase)}`)
      .join('\n');
  }

  const count = (kind: FuzzProblem['kind']): number =>
    run.findings.filter((finding) => finding.problem.kind === kind).length;

  it(`sent at least ${REQUESTS} requests of every category`, () => {
    assert.ok(run.sent >= REQUESTS, `${run.sent} sent ${replay}`);
    assert.ok(run.categoryCounts.size >= 20, `only ${run.categoryCounts.size} categories ${replay}`);
  });

  it('answers every request, with no 5xx and only the statuses the contract allows for it', () => {
    assert.equal(count('status'), 0, `${count('status')} wrong answers ${replay}:\n${findingsText('status')}`);
  });

  it('gives every 4xx a JSON {"error": "…"} body', () => {
    assert.equal(count('body'), 0, `${count('body')} bad bodies ${replay}:\n${findingsText('body')}`);
  });

  it('changes no stored row and no API answer (list, secrets, versions, stats)', () => {
    assert.deepEqual(run.snapshotChanges, [], replay);
    assert.ok(outcome.db === beforeDb, `stored rows changed ${replay}:\n${snapshotDifference(beforeDb, outcome.db)}`);
    assert.ok(outcome.api === beforeApi, `API answers changed ${replay}`);
  });

  it('still applies the valid writes between batches, each one version up, with a history row each', () => {
    const expected = Array.from({ length: REQUESTS / BATCH }, (_, i) => i + 2);
    assert.deepEqual(run.controlVersions, expected, replay);
    assert.deepEqual(outcome.controlHistory, [...expected].reverse().concat(1), replay);
  });

  it('is still up afterwards, with a clean log: no crash, no handler error, no key', () => {
    assert.equal(outcome.exitCode, null, 'the server process is still running');
    assert.equal(outcome.signal, null);
    assert.equal(outcome.health, 200);
    const output = outcome.output;
    assert.doesNotMatch(output, /^error in /m, `a handler failed ${replay}`);
    assert.doesNotMatch(output, /Error|at .+:\d+:\d+\)/, `an exception reached the output ${replay}`);
    assert.ok(!output.includes(writeKey), 'the service key is never logged');
  });
});
