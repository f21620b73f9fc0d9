/**
 * The registry's storage: the two tables over the server's database, and
 * the clock their `created_at`/`updated_at` come from.
 */
import type { Clock } from '../clock';
import type { SqliteDatabase } from '../storage/database';
import { EDGE_FUNCTION_COLUMNS, EdgeFunctionRow } from './functionJson';
import { JOB_FUNCTION_COLUMNS, JobFunctionRow } from './jobJson';
import { RegistryTable } from './registryTable';

/** Storage and time of the registry routes. */
export interface RegistryStore {
  readonly db: SqliteDatabase;
  readonly functions: RegistryTable<EdgeFunctionRow>;
  readonly jobs: RegistryTable<JobFunctionRow>;
  readonly clock: Clock;
}

/** Prepares the statements of both tables (the schema is applied by `openDatabase`). */
export function createRegistryStore(db: SqliteDatabase, clock: Clock): RegistryStore {
  return {
    db,
    clock,
    functions: new RegistryTable<EdgeFunctionRow>(db, {
      table: 'edge_functions',
      columns: EDGE_FUNCTION_COLUMNS,
      namespaceOrder: 'created_at DESC, rowid DESC',
    }),
    jobs: new RegistryTable<JobFunctionRow>(db, {
      table: 'job_functions',
      columns: JOB_FUNCTION_COLUMNS,
      namespaceOrder: 'name',
    }),
  };
}
