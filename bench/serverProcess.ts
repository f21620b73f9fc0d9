/**
 * Child process entry: seeds a fresh data folder with made-up secrets, starts
 * the local server (`startServer`) on 127.0.0.1:0 and reports its URL to the
 * parent over IPC. Stops when the parent says so or goes away.
 */
import { storedTimeFromMicros } from '../server/goCompat/goTime';
import { SecretCipher } from '../server/crypto/secretCipher';
import { startServer } from '../server/startServer';
import { openDatabase } from '../server/storage/database';
import { SecretsRepository } from '../server/storage/secretsRepository';
import { receiveConfig, serveUntilStopped } from './childServer';
import { syntheticSecretSpecs, type DataSetShape } from './syntheticSecrets';

/** What the parent passes (over IPC). */
export interface ServerProcessConfig {
  dataDir: string;
  seed: DataSetShape;
  encryptionKey: string;
  jwtSecret: string;
  admin: { email: string; password: string };
}

/** Writes the data set straight into the database, in one transaction (one fsync instead of one per secret). */
function seed(config: ServerProcessConfig): void {
  const db = openDatabase(config.dataDir);
  try {
    const repository = new SecretsRepository(db);
    const cipher = new SecretCipher(Buffer.from(config.encryptionKey, 'utf8'));
    const nowMs = Date.now();
    const now = storedTimeFromMicros(nowMs * 1000);
    db.transaction(() => {
      syntheticSecretSpecs(config.seed, nowMs).forEach((spec, index) => {
        const result = repository.create(
          {
            name: spec.name,
            scope: spec.scope,
            namespace: spec.namespace ?? null,
            encryptedValue: cipher.encrypt(`made-up value ${index}`),
            description: spec.description ?? null,
            expiresAt: spec.expiresAtMs === undefined ? null : storedTimeFromMicros(spec.expiresAtMs * 1000),
            createdBy: null,
          },
          now,
        );
        if (result.kind !== 'created') throw new Error(`seeding clashed on ${spec.scope} ${spec.name}`);
      });
    })();
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const config = await receiveConfig<ServerProcessConfig>();
  seed(config);
  const server = await startServer({
    dataDir: config.dataDir,
    host: '127.0.0.1',
    port: 0,
    encryptionKey: config.encryptionKey,
    jwtSecret: config.jwtSecret,
    admin: config.admin,
  });
  serveUntilStopped(server.url, () => server.close());
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
