/**
 * The tables of the functions and jobs registry (contract part 3, §4 and
 * §6): edge functions and job functions, each unique by (namespace, name),
 * in the same SQLite database as the secrets. Booleans are 0/1, lists are
 * JSON text, instants are stored times (goCompat/goTime).
 */
export const REGISTRY_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS edge_functions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  namespace TEXT NOT NULL,
  description TEXT,
  code TEXT NOT NULL,
  original_code TEXT,
  is_bundled INTEGER NOT NULL,
  bundle_error TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  cron_schedule TEXT,
  enabled INTEGER NOT NULL,
  timeout_seconds INTEGER NOT NULL,
  memory_limit_mb INTEGER NOT NULL,
  allow_net INTEGER NOT NULL,
  allow_env INTEGER NOT NULL,
  allow_read INTEGER NOT NULL,
  allow_write INTEGER NOT NULL,
  allow_unauthenticated INTEGER NOT NULL,
  is_public INTEGER NOT NULL,
  disable_execution_logs INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  source TEXT NOT NULL,
  UNIQUE (namespace, name)
);
CREATE INDEX IF NOT EXISTS idx_edge_functions_name ON edge_functions (name, namespace);

CREATE TABLE IF NOT EXISTS job_functions (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  namespace TEXT NOT NULL,
  description TEXT,
  code TEXT,
  original_code TEXT,
  is_bundled INTEGER NOT NULL,
  bundle_error TEXT,
  enabled INTEGER NOT NULL,
  schedule TEXT,
  timeout_seconds INTEGER NOT NULL,
  memory_limit_mb INTEGER NOT NULL,
  max_retries INTEGER NOT NULL,
  progress_timeout_seconds INTEGER NOT NULL,
  allow_net INTEGER NOT NULL,
  allow_env INTEGER NOT NULL,
  allow_read INTEGER NOT NULL,
  allow_write INTEGER NOT NULL,
  require_roles TEXT,
  disable_execution_logs INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_by TEXT,
  source TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (namespace, name)
);
`;
