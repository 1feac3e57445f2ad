import 'server-only';

/**
 * The database schema, as an ordered list of migrations. To change the schema, append an entry with the
 * next version; never edit or reorder one that has shipped, since databases in the field have run it.
 */
export interface Migration {
  /** Strictly increasing; recorded in `schema_migrations` once applied. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'digest result cache',
    sql: `
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
  },
  {
    version: 2,
    name: 'shares',
    sql: `
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
  },
  {
    version: 3,
    name: 'LibreTranslate API keys and translated files',
    sql: `
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
  },
];
