import 'server-only';

/**
 * The database schema, as an ordered list of migrations, each in both dialects side by side so that neither
 * can gain a table the other lacks. To change the schema, append an entry with the next version; never edit
 * or reorder one that has shipped, since databases in the field have run it. Postgres differs where SQLite's
 * types do not exist there: BLOB is BYTEA, millisecond times are BIGINT (read back as numbers, see
 * postgres.ts), and STRICT (SQLite's type checking) is what Postgres does anyway.
 */
export interface Migration {
  /** Strictly increasing; recorded in `schema_migrations` once applied. */
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'digest result cache',
    sqlite: `
      CREATE TABLE digest_results (
        key TEXT PRIMARY KEY,
        result TEXT NOT NULL,
        -- Bytes of result, so the cache can keep to a size budget without measuring every row.
        size INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        used_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX digest_results_used_at ON digest_results (used_at);
    `,
    postgres: `
      CREATE TABLE digest_results (
        key TEXT PRIMARY KEY,
        result TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at BIGINT NOT NULL,
        used_at BIGINT NOT NULL
      );
      CREATE INDEX digest_results_used_at ON digest_results (used_at);
    `,
  },
  {
    version: 2,
    name: 'shares',
    sqlite: `
      CREATE TABLE shares (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        -- The shared result as JSON: source, sentences, summary, translations, options.
        payload TEXT NOT NULL,
        -- SHA-256 of the delete token; the token itself is shown to its author once and never stored.
        delete_token_hash BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER
      ) STRICT;
      CREATE INDEX shares_expires_at ON shares (expires_at) WHERE expires_at IS NOT NULL;
    `,
    postgres: `
      CREATE TABLE shares (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        payload TEXT NOT NULL,
        delete_token_hash BYTEA NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT
      );
      CREATE INDEX shares_expires_at ON shares (expires_at) WHERE expires_at IS NOT NULL;
    `,
  },
  {
    version: 3,
    name: 'LibreTranslate API keys and translated files',
    sqlite: `
      CREATE TABLE api_keys (
        -- A short public id (for logs and \`npm run keys -- revoke\`); the key itself is shown once.
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        -- SHA-256 of the key, as for share delete tokens.
        key_hash BLOB NOT NULL UNIQUE,
        -- Requests a minute; 0 = no limit.
        per_minute INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE translated_files (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        body BLOB NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX translated_files_expires_at ON translated_files (expires_at);
    `,
    postgres: `
      CREATE TABLE api_keys (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        key_hash BYTEA NOT NULL UNIQUE,
        per_minute INTEGER NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE translated_files (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        body BYTEA NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX translated_files_expires_at ON translated_files (expires_at);
    `,
  },
];

/** Refuses a list whose versions do not strictly increase (an entry appended out of order). */
export function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous && m.version <= previous.version) {
      throw new Error(`Migration ${m.version} (${m.name}) must come after ${previous.version}`);
    }
  });
}
