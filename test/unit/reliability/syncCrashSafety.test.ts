/**
 * A sync is all or nothing (issue 14): a server child process is killed
 * with SIGKILL while it handles a large functions or jobs sync (creates,
 * updates and delete_missing deletions of one namespace), at a random
 * moment, then reopened. The namespace must hold exactly the previous
 * generation or exactly the new one, never a mix; an acknowledged sync must
 * be there in full. Replay a failing run with FLUXBASE_FUZZ_SEED=<seed>.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FuzzRandom, fuzzSeed } from '../../support/fuzzRandom';
import { startServerProcess, type ServerProcess } from '../../support/serverProcess';
import { roleToken, TEST_JWT_SECRET } from '../server/registry/registryHarness';
import { removeDir, send, tempDir, TEST_ENCRYPTION_KEY } from '../server/serverHarness';

const ROUNDS = 8;
const ITEMS = 1500;
/** Each generation shifts its names by this much: updates, creates and deletions in every sync. */
const SHIFT = 300;
const ENV = {
  FLUXBASE_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
  FLUXBASE_AUTH_JWT_SECRET: TEST_JWT_SECRET,
  FLUXBASE_SERVER_BODY_LIMIT: String(16 * 1024 * 1024),
};

type Kind = 'functions' | 'jobs';

function generationBody(kind: Kind, generation: number): unknown {
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    name: `fn-${generation * SHIFT + i}`,
    code: `// generation ${generation}\n${'x'.repeat(600)}`,
  }));
  return { namespace: 'crash', [kind]: items, options: { delete_missing: true } };
}

/** The generations found in the namespace: one entry per distinct code marker, and the names. */
function storedGeneration(dataDir: string, kind: Kind): { markers: Set<string>; names: string[] } {
  const table = kind === 'functions' ? 'edge_functions' : 'job_functions';
  const db = new Database(join(dataDir, 'fluxbase.db'));
  try {
    const rows = db.prepare(`SELECT name, code FROM ${table} WHERE namespace = 'crash'`).all() as {
      name: string;
      code: string;
    }[];
    return {
      markers: new Set(rows.map((row) => row.code.split('\n')[0] ?? '')),
      names: rows.map((row) => row.name).sort(),
    };
  } finally {
    db.close();
  }
}

function expectedNames(generation: number): string[] {
  return Array.from({ length: ITEMS }, (_, i) => `fn-${generation * SHIFT + i}`).sort();
}

describe('Sync crash safety (issue 14): SIGKILL during a functions or jobs sync leaves all of it or none', function () {
  this.timeout(240_000);
  const seed = fuzzSeed();
  const replay = `(seed ${seed}; replay with FLUXBASE_FUZZ_SEED=${seed})`;
  let dataDir: string;
  let server: ServerProcess | undefined;

  before(() => {
    dataDir = tempDir('fluxbase-sync-crash-');
  });
  after(async () => {
    await server?.kill();
    removeDir(dataDir);
  });

  for (const kind of ['functions', 'jobs'] as const) {
    it(`${kind}: ${ROUNDS} kills at random moments of a ${ITEMS}-item sync`, async () => {
      const random = new FuzzRandom(seed + (kind === 'jobs' ? 1 : 0));
      const headers = { Authorization: `Bearer ${await roleToken('service_role')}` };
      const path = `/api/v1/admin/${kind}/sync`;
      server = await startServerProcess({ dataDir, env: ENV });
      const started = Date.now();
      const first = await send(server.url, 'POST', path, { headers, json: generationBody(kind, 0) });
      assert.equal(first.status, 200, first.text);
      const syncMs = Date.now() - started;
      let committed = 0;
      const outcomes = { all: 0, none: 0 };
      for (let round = 1; round <= ROUNDS; round++) {
        const current = server;
        const answer = send(current.url, 'POST', path, { headers, json: generationBody(kind, round) }).then(
          (response) => response,
          () => undefined,
        );
        await new Promise((resolve) => setTimeout(resolve, random.int(Math.max(2, syncMs * 2))));
        await current.kill();
        const response = await answer;
        const { markers, names } = storedGeneration(dataDir, kind);
        assert.equal(markers.size, 1, `round ${round}: a mix of generations ${[...markers].join(', ')} ${replay}`);
        const marker = [...markers][0];
        if (marker === `// generation ${round}`) {
          committed = round;
          outcomes.all++;
        } else {
          assert.equal(marker, `// generation ${committed}`, `round ${round} ${replay}`);
          assert.ok(response?.status !== 200, `round ${round}: an acknowledged sync was lost ${replay}`);
          outcomes.none++;
        }
        assert.deepEqual(names, expectedNames(committed), `round ${round}: the names of one generation ${replay}`);
        server = await startServerProcess({ dataDir, env: ENV });
      }
      console.log(`      ${kind}: sync ≈ ${syncMs} ms; after the kill: all ${outcomes.all}, none ${outcomes.none}`);
      await server.kill();
      server = undefined;
    });
  }
});
