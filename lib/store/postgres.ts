import 'server-only';
import pg from 'pg';
import { BitextError } from '@/lib/errors';
import { checkOrder, MIGRATIONS, type Migration } from './migrations';
import type { FileRecord, Store } from './port';
import { toFile, toKey, toShare, type FileRow, type KeyRow, type ShareRow } from './rows';

/**
 * The shared store: Postgres through a `pg` pool, for several web processes behind one load balancer.
 * Every failure to reach the server (refused, dropped, timed out, shutting down) becomes `store_unavailable`
 * here, in one place; the pool reconnects by itself on the next query once the server is back.
 */

/** How long a query waits for a connection: a server that is down should fail a request, not hang it. */
const CONNECT_TIMEOUT_MS = 2_000;
/** Server-side limit per statement (every statement here touches one row or a small index range). */
const STATEMENT_TIMEOUT_MS = 5_000;
/** Client-side limit, for a server that stops answering without closing the connection. */
const QUERY_TIMEOUT_MS = 6_000;
/** Seconds a client refused with store_unavailable is told to wait. */
const RETRY_AFTER_S = 5;
/** Limit for each statement of a migration, and for waiting on another process's. */
const MIGRATION_TIMEOUT_MS = 120_000;
/** Any fixed number: every process migrating this database takes the same lock. */
const MIGRATION_LOCK = 0x62697478; // 'bitx'

/** int8 columns (our millisecond times, counts) as numbers: `pg` reads them as strings by default. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * SQLSTATE classes that mean "the server is not available", not "our query is wrong": 08 connection
 * exception, 53 insufficient resources, 57 operator intervention (shutdown, statement timeout).
 */
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57']);

/**
 * The error a query failure becomes: `store_unavailable` when the server could not be reached or answer;
 * a database error from the server itself (a constraint, a bug in our SQL) passes through unchanged.
 */
function storeError(error: unknown): unknown {
  if (error instanceof pg.DatabaseError && !UNAVAILABLE_CLASSES.has(error.code?.slice(0, 2) ?? '')) {
    return error;
  }
  console.warn('Postgres unavailable:', error instanceof Error ? error.message : error);
  return new BitextError('store_unavailable', 'The share database is unavailable; try again shortly.', {
    retryAfter: RETRY_AFTER_S,
  });
}

/** `work` inside BEGIN … COMMIT on `client`, rolled back on any error. */
async function inTransaction<T>(
  client: pg.ClientBase,
  work: (client: pg.ClientBase) => Promise<T>,
): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** A store on the database at `url` (`postgres://…`); migrated before its first query. */
export function openPostgresStore(url: string, migrations: readonly Migration[] = MIGRATIONS): Store {
  const pool = new pg.Pool({
    connectionString: url,
    types,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
  });
  // An idle client's connection dropping (a server restart) is reported here; without a listener it would
  // crash the process. The pool discards that client, and the next query opens a new connection.
  pool.on('error', (error) => console.warn('Postgres connection lost:', error.message));

  /** One transaction on a pooled connection; a connection that failed in it is closed, not reused. */
  async function transaction<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let failure: Error | undefined;
    try {
      return await inTransaction(client, work);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(failure);
    }
  }

  async function migrate(): Promise<number[]> {
    checkOrder(migrations);
    // Its own connection: a migration, or waiting for another process's, may take longer than a request may.
    const client = new pg.Client({
      connectionString: url,
      types,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: MIGRATION_TIMEOUT_MS,
      query_timeout: MIGRATION_TIMEOUT_MS,
    });
    // A dropped connection also fails the query in progress, which reports it.
    client.on('error', () => {});
    try {
      await client.connect();
      return await inTransaction(client, async () => {
        // Held until this transaction ends: a second process starting now waits, then finds nothing to do.
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          applied_at TEXT NOT NULL
        )`);
        const seen = new Set(
          (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
            (r) => r.version,
          ),
        );
        const pending = migrations.filter((m) => !seen.has(m.version));
        for (const m of pending) {
          await client.query(m.postgres);
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [m.version, m.name, new Date().toISOString()],
          );
        }
        return pending.map((m) => m.version);
      });
    } catch (error) {
      throw storeError(error);
    } finally {
      await client.end().catch(() => {});
    }
  }

  // Migrated once per process, before the first query; retried on the next query if the server was down.
  let migrated: Promise<unknown> | undefined;
  function ready(): Promise<unknown> {
    migrated ??= migrate().catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  }

  async function query<R extends pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>> {
    await ready();
    try {
      return await pool.query<R>(text, values);
    } catch (error) {
      throw storeError(error);
    }
  }

  async function one<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<R | undefined> {
    return (await query<R>(text, values)).rows[0];
  }

  return {
    engine: 'postgres',
    shares: {
      insert: async (row) =>
        (
          await query(
            `INSERT INTO shares (id, title, payload, delete_token_hash, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
            [row.id, row.title, row.payload, row.tokenHash, row.createdAt, row.expiresAt],
          )
        ).rowCount === 1,
      find: async (id) => {
        const row = await one<ShareRow>('SELECT * FROM shares WHERE id = $1', [id]);
        return row && toShare(row);
      },
      delete: async (id) => (await query('DELETE FROM shares WHERE id = $1', [id])).rowCount === 1,
      purge: async (before) =>
        (
          await query<{ id: string }>(
            'DELETE FROM shares WHERE expires_at IS NOT NULL AND expires_at < $1 RETURNING id',
            [before],
          )
        ).rows.map((r) => r.id),
      page: async (after, limit) =>
        (
          await query<ShareRow>('SELECT * FROM shares WHERE id > $1 ORDER BY id LIMIT $2', [after, limit])
        ).rows.map(toShare),
    },
    results: {
      get: async (key, now) =>
        (
          await one<{ result: string }>(
            'UPDATE digest_results SET used_at = $2 WHERE key = $1 RETURNING result',
            [key, now],
          )
        )?.result,
      put: async (key, json, now, maxBytes) => {
        await ready();
        try {
          await transaction(async (client) => {
            await client.query(
              `INSERT INTO digest_results (key, result, size, created_at, used_at) VALUES ($1, $2, $3, $4, $4)
               ON CONFLICT (key) DO UPDATE SET result = excluded.result, size = excluded.size, used_at = excluded.used_at`,
              [key, json, Buffer.byteLength(json), now],
            );
            // Keeps the most recently used rows whose sizes add up to the budget, and deletes the rest.
            await client.query(
              `DELETE FROM digest_results WHERE key IN (
                 SELECT key FROM (
                   SELECT key, sum(size) OVER (ORDER BY used_at DESC, created_at DESC ROWS UNBOUNDED PRECEDING) AS kept
                   FROM digest_results
                 ) AS ranked WHERE kept > $1
               )`,
              [maxBytes],
            );
          });
        } catch (error) {
          throw storeError(error);
        }
      },
    },
    keys: {
      insert: async (row) =>
        (
          await query(
            `INSERT INTO api_keys (id, name, key_hash, per_minute, created_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING`,
            [row.id, row.name, row.keyHash, row.perMinute, row.createdAt],
          )
        ).rowCount === 1,
      all: async () =>
        (await query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, name')).rows.map(toKey),
      byNameOrId: async (nameOrId) => {
        const row = await one<KeyRow>('SELECT * FROM api_keys WHERE name = $1 OR id = $1', [nameOrId]);
        return row && toKey(row);
      },
      byHash: async (keyHash) => {
        const row = await one<KeyRow>('SELECT * FROM api_keys WHERE key_hash = $1', [keyHash]);
        return row && toKey(row);
      },
      delete: async (id) => (await query('DELETE FROM api_keys WHERE id = $1', [id])).rowCount === 1,
    },
    files: {
      insert: async (file: FileRecord) => {
        await query(
          'INSERT INTO translated_files (id, name, content_type, body, expires_at) VALUES ($1, $2, $3, $4, $5)',
          [file.id, file.name, file.contentType, Buffer.from(file.body), file.expiresAt],
        );
      },
      find: async (id, now) => {
        const row = await one<FileRow>('SELECT * FROM translated_files WHERE id = $1 AND expires_at > $2', [
          id,
          now,
        ]);
        return row && toFile(row);
      },
      purge: async (now) => {
        await query('DELETE FROM translated_files WHERE expires_at <= $1', [now]);
      },
    },
    migrate,
    ping: async (timeoutMs) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const answer = pool.query('SELECT 1').then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([answer, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.end(),
  };
}
