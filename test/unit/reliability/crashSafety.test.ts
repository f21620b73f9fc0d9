/**
 * Crash safety (issue 9): eight clients write to a server child process,
 * which is killed with SIGKILL while their requests are in flight and
 * restarted on the same data folder, several times over. Every write it
 * acknowledged must still be there, with its value; every secret's version
 * must equal its newest history row; concurrent writers must not lose an
 * update. Replay a failing run with FLUXBASE_FUZZ_SEED=<seed>.
 */
import * as assert from 'node:assert/strict';
import { FuzzRandom, fuzzSeed } from '../../support/fuzzRandom';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { createKey, removeDir, send, tempDir, TEST_ENCRYPTION_KEY } from '../server/serverHarness';
import { readStoredSecrets } from './support/storedSecrets';
import { durabilityProblems, type AckedWrite } from './support/writeLedger';

const WRITERS = 8;
const ROUNDS = 3;
const ENV = { FLUXBASE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY };

interface OwnSecret {
  readonly id: string;
  readonly versions: number[];
}

/** One round: writers run until the server is killed under them. */
class WriteRound {
  readonly acks: AckedWrite[] = [];
  readonly unexpected: string[] = [];
  killed = false;
  /** Requests sent and not yet answered, now and at the moment of the kill. */
  inFlight = 0;
  inFlightAtKill = 0;

  constructor(
    private readonly server: ServerProcess,
    private readonly key: string,
    private readonly killAfterAcks: number,
  ) {}

  /** Records an acknowledgement and pulls the plug once there are enough, with other writes still in flight. */
  private acknowledge(ack: AckedWrite): void {
    this.acks.push(ack);
    if (!this.killed && this.acks.length >= this.killAfterAcks) {
      this.killed = true;
      this.inFlightAtKill = this.inFlight;
      this.server.process.kill('SIGKILL');
    }
  }

  private async write(
    method: string,
    path: string,
    json: unknown,
  ): Promise<{ id: string; version: number } | undefined> {
    let response;
    this.inFlight++;
    try {
      response = await send(this.server.url, method, path, { headers: { 'X-Service-Key': this.key }, json });
    } catch (error) {
      if (!this.killed) this.unexpected.push(`${method} ${path} failed before the kill: ${String(error)}`);
      return undefined;
    } finally {
      this.inFlight--;
    }
    if (response.status !== 200 && response.status !== 201) {
      this.unexpected.push(`${method} ${path} answered ${response.status} ${response.text}`);
      return undefined;
    }
    return response.json as { id: string; version: number };
  }

  /** One writer: creates its own secrets, updates them and the shared one, rolls back, until the server dies. */
  async writer(index: number, random: FuzzRandom, own: OwnSecret[], shared: OwnSecret): Promise<void> {
    for (let step = 0; !this.killed; step++) {
      const value = `w${index}-s${step}-${random.int(1e9)}`;
      const roll = random.next();
      const mine = own.length > 0 && roll >= 0.2 ? random.pick(own) : undefined;
      if (!mine) {
        const created = await this.write('POST', '/api/v1/secrets', { name: `CRASH_${value}`, value });
        if (!created) return;
        own.push({ id: created.id, versions: [1] });
        this.acknowledge({ kind: 'create', id: created.id, version: 1, value });
      } else if (roll < 0.85) {
        const target = roll < 0.55 ? mine : shared;
        const updated = await this.write('PUT', `/api/v1/secrets/${target.id}`, { value });
        if (!updated) return;
        target.versions.push(updated.version);
        this.acknowledge({ kind: 'update', id: target.id, version: updated.version, value });
      } else {
        const to = random.pick(mine.versions);
        const rolled = await this.write('POST', `/api/v1/secrets/${mine.id}/rollback/${to}`, {});
        if (!rolled) return;
        mine.versions.push(rolled.version);
        this.acknowledge({ kind: 'rollback', id: mine.id, version: rolled.version, to });
      }
    }
  }
}

describe('Crash safety (issue 9): SIGKILL while 8 clients write, then restart on the same data', function () {
  this.timeout(180_000);
  const seed = fuzzSeed();
  const replay = `(seed ${seed}; replay with FLUXBASE_FUZZ_SEED=${seed})`;
  let dataDir: string;

  beforeEach(() => {
    dataDir = tempDir('fluxbase-crash-');
  });
  afterEach(() => removeDir(dataDir));

  it('keeps every acknowledged create, update and rollback, with its value, through repeated kill -9', async () => {
    console.log(`      crash seed ${seed}`);
    const random = new FuzzRandom(seed);
    const key = createKey(dataDir, '*');
    const acks: AckedWrite[] = [];
    const owned: OwnSecret[][] = Array.from({ length: WRITERS }, () => []);
    let shared: OwnSecret | undefined;
    let inFlightAtKill = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServerProcess({ dataDir, env: ENV });
      // After a restart, everything acknowledged before every earlier kill must be there.
      const before = durabilityProblems(acks, readStoredSecrets(dataDir, TEST_ENCRYPTION_KEY));
      assert.deepEqual(before, [], `after restart ${round} ${replay}`);
      if (!shared) {
        const created = await send(server.url, 'POST', '/api/v1/secrets', {
          headers: { 'X-Service-Key': key },
          json: { name: 'CRASH_SHARED', value: 'shared-v1' },
        });
        shared = { id: (created.json as { id: string }).id, versions: [1] };
        acks.push({ kind: 'create', id: shared.id, version: 1, value: 'shared-v1' });
      }
      const writes = new WriteRound(server, key, random.between(60, 160));
      const sharedSecret = shared;
      const writers = owned.map((own, index) =>
        writes.writer(index, new FuzzRandom(random.int(2 ** 32)), own, sharedSecret),
      );
      await Promise.all(writers);
      await server.kill();
      assert.deepEqual(writes.unexpected, [], replay);
      assert.ok(writes.killed, 'the server was killed while the writers were running');
      inFlightAtKill += writes.inFlightAtKill;
      acks.push(...writes.acks);
    }

    const final = await startServerProcess({ dataDir, env: ENV });
    const stored = readStoredSecrets(dataDir, TEST_ENCRYPTION_KEY);
    assert.deepEqual(durabilityProblems(acks, stored), [], `after the last restart ${replay}`);
    // The API agrees with the files: each secret's version is its newest history row.
    const list = (await send(final.url, 'GET', '/api/v1/secrets', { headers: { 'X-Service-Key': key } })).json as {
      id: string;
      version: number;
    }[];
    assert.equal(list.length, stored.size);
    for (const secret of list) {
      assert.equal(secret.version, stored.get(secret.id)?.version, secret.id);
      const versions = (
        await send(final.url, 'GET', `/api/v1/secrets/${secret.id}/versions`, { headers: { 'X-Service-Key': key } })
      ).json as { version: number }[];
      assert.equal(versions[0]?.version, secret.version, `${secret.id} ${replay}`);
    }
    const sharedAcks = acks.filter((ack) => ack.id === shared?.id).length;
    const rows = [...stored.values()].reduce((sum, secret) => sum + secret.history.length, 0);
    console.log(
      `      ${ROUNDS} kills with ${inFlightAtKill} requests in flight; ${acks.length} acknowledged writes verified ` +
        `(${sharedAcks} on the shared secret); ${rows - acks.length} unacknowledged writes had landed`,
    );
    assert.equal(await final.stop(), 0);
  });

  it('loses no update: 64 concurrent value updates of one secret get versions 2..65, each with its own value', async () => {
    const key = createKey(dataDir, '*');
    const server = await startServerProcess({ dataDir, env: ENV });
    const headers = { 'X-Service-Key': key };
    const created = await send(server.url, 'POST', '/api/v1/secrets', { headers, json: { name: 'RACE', value: 'v0' } });
    const id = (created.json as { id: string }).id;

    const answers = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        send(server.url, 'PUT', `/api/v1/secrets/${id}`, { headers, json: { value: `racer-${i}` } }).then(
          (response): AckedWrite => {
            assert.equal(response.status, 200, response.text);
            return { kind: 'update', id, version: (response.json as { version: number }).version, value: `racer-${i}` };
          },
        ),
      ),
    );

    assert.deepEqual(
      answers.map((ack) => ack.version).sort((a, b) => a - b),
      Array.from({ length: 64 }, (_, i) => i + 2),
    );
    const acks: AckedWrite[] = [{ kind: 'create', id, version: 1, value: 'v0' }, ...answers];
    assert.deepEqual(durabilityProblems(acks, readStoredSecrets(dataDir, TEST_ENCRYPTION_KEY)), []);
    assert.equal(await server.stop(), 0);
  });
});
