/**
 * The SQLite schema: the two secrets tables of contract §2.1 with the EU
 * uniqueness rules of §2.2, plus the local dashboard users and service keys.
 * Instants are fixed-width UTC text with microseconds (see goCompat/goTime).
 * Columns added after the first release are in serviceKeysMigration.ts and
 * dashboardUsersMigration.ts, which add them to every data folder.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS dashboard_users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  full_name TEXT,
  email_verified INTEGER NOT NULL DEFAULT 0,
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  totp_secret TEXT,
  is_active INTEGER NOT NULL DEFAULT 1,
  is_locked INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  failed_login_attempts INTEGER NOT NULL DEFAULT 0,
  last_login_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS service_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key_prefix TEXT NOT NULL,
  key_hash TEXT NOT NULL,
  scopes TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  expires_at TEXT,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS idx_service_keys_prefix ON service_keys (key_prefix);

CREATE TABLE IF NOT EXISTS secrets (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT 'global' CHECK (scope IN ('global', 'namespace')),
  namespace TEXT,
  encrypted_value TEXT NOT NULL,
  description TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  expires_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT REFERENCES dashboard_users (id) ON DELETE SET NULL,
  updated_by TEXT REFERENCES dashboard_users (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS unique_secrets_global_name
  ON secrets (name) WHERE scope = 'global' AND namespace IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS unique_secrets_namespace_name
  ON secrets (name, namespace) WHERE scope = 'namespace' AND namespace IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_secrets_scope ON secrets (scope);
CREATE INDEX IF NOT EXISTS idx_secrets_namespace ON secrets (namespace) WHERE namespace IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_secrets_expires_at ON secrets (expires_at) WHERE expires_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_secrets_name ON secrets (name);

CREATE TABLE IF NOT EXISTS secret_versions (
  id TEXT PRIMARY KEY,
  secret_id TEXT NOT NULL REFERENCES secrets (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  encrypted_value TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES dashboard_users (id) ON DELETE SET NULL,
  UNIQUE (secret_id, version)
);
`;
