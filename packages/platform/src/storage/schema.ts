/**
 * The platform's own tables, beside the mock's (`projects`, `resources`) in the same SQLite file. Bump
 * SCHEMA_VERSION whenever these tables or the shape of the mock's stored resources change: a file of
 * another version is refused, never migrated or thrown away silently.
 */
export const SCHEMA_VERSION = 1;

export const PLATFORM_TABLES = `
  CREATE TABLE IF NOT EXISTS platform_access_tokens (
    token_hash TEXT PRIMARY KEY,
    principal TEXT NOT NULL,
    scope TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    refresh_hash TEXT
  );
  CREATE INDEX IF NOT EXISTS platform_access_tokens_by_refresh ON platform_access_tokens (refresh_hash) WHERE refresh_hash IS NOT NULL;
  CREATE INDEX IF NOT EXISTS platform_access_tokens_by_expiry ON platform_access_tokens (expires_at);

  CREATE TABLE IF NOT EXISTS platform_refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    principal TEXT NOT NULL,
    scope TEXT NOT NULL
  );

  CREATE TABLE IF NOT EXISTS platform_email_tokens (
    value_hash TEXT PRIMARY KEY,
    customer_id TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS platform_email_tokens_by_customer ON platform_email_tokens (customer_id);

  CREATE TABLE IF NOT EXISTS platform_mails (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    mail TEXT NOT NULL,
    size_bytes INTEGER NOT NULL
  );
`;

/** Tables the mock's SQLite storage creates; a version-0 file holding only these is the mock's own, not ours. */
export const MOCK_TABLES = ['projects', 'resources'] as const;
