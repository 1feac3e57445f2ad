import 'server-only';
import { migrate, openDatabase, type Db } from './db';
import { MIGRATIONS, type Migration } from './migrations';
import type { FileRecord, Store } from './port';
import { toFile, toKey, toShare, type FileRow, type KeyRow, type ShareRow } from './rows';

/**
 * The embedded store: one SQLite file, through better-sqlite3. Its calls are synchronous (and fast: no
 * network), so the async port simply wraps them.
 */

/** The file `file`, created and migrated if needed. */
export function openSqliteStore(file: string, migrations: readonly Migration[] = MIGRATIONS): Store {
  return sqliteStore(openDatabase(file, migrations), migrations);
}

/** A store on an open (and migrated) database. */
export function sqliteStore(db: Db, migrations: readonly Migration[] = MIGRATIONS): Store {
  const shares = {
    insert: db.prepare(
      `INSERT INTO shares (id, title, payload, delete_token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    find: db.prepare<[string], ShareRow>('SELECT * FROM shares WHERE id = ?'),
    delete: db.prepare('DELETE FROM shares WHERE id = ?'),
    purge: db
      .prepare<[number], string>(
        'DELETE FROM shares WHERE expires_at IS NOT NULL AND expires_at < ? RETURNING id',
      )
      .pluck(),
    page: db.prepare<[string, number], ShareRow>('SELECT * FROM shares WHERE id > ? ORDER BY id LIMIT ?'),
  };
  const results = {
    select: db.prepare<[string], { result: string }>('SELECT result FROM digest_results WHERE key = ?'),
    touch: db.prepare('UPDATE digest_results SET used_at = ? WHERE key = ?'),
    upsert: db.prepare(
      `INSERT INTO digest_results (key, result, size, created_at, used_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET result = excluded.result, size = excluded.size, used_at = excluded.used_at`,
    ),
    // Keeps the most recently used rows whose sizes add up to the budget, and deletes the rest.
    evict: db.prepare(
      `DELETE FROM digest_results WHERE key IN (
         SELECT key FROM (
           SELECT key, sum(size) OVER (ORDER BY used_at DESC, created_at DESC ROWS UNBOUNDED PRECEDING) AS kept
           FROM digest_results
         ) WHERE kept > ?
       )`,
    ),
  };
  const storeResult = db.transaction((key: string, json: string, now: number, maxBytes: number) => {
    results.upsert.run(key, json, Buffer.byteLength(json), now, now);
    results.evict.run(maxBytes);
  });
  const keys = {
    insert: db.prepare(
      'INSERT INTO api_keys (id, name, key_hash, per_minute, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    all: db.prepare<[], KeyRow>('SELECT * FROM api_keys ORDER BY created_at, name'),
    byNameOrId: db.prepare<[string, string], KeyRow>('SELECT * FROM api_keys WHERE name = ? OR id = ?'),
    byHash: db.prepare<[Buffer], KeyRow>('SELECT * FROM api_keys WHERE key_hash = ?'),
    delete: db.prepare('DELETE FROM api_keys WHERE id = ?'),
  };
  const files = {
    insert: db.prepare(
      'INSERT INTO translated_files (id, name, content_type, body, expires_at) VALUES (?, ?, ?, ?, ?)',
    ),
    find: db.prepare<[string, number], FileRow>(
      'SELECT * FROM translated_files WHERE id = ? AND expires_at > ?',
    ),
    purge: db.prepare('DELETE FROM translated_files WHERE expires_at <= ?'),
  };

  return {
    engine: 'sqlite',
    shares: {
      insert: async (row) =>
        shares.insert.run(row.id, row.title, row.payload, row.tokenHash, row.createdAt, row.expiresAt)
          .changes > 0,
      find: async (id) => {
        const row = shares.find.get(id);
        return row && toShare(row);
      },
      delete: async (id) => shares.delete.run(id).changes > 0,
      purge: async (before) => shares.purge.all(before),
      page: async (after, limit) => shares.page.all(after, limit).map(toShare),
    },
    results: {
      get: async (key, now) => {
        const row = results.select.get(key);
        if (row) results.touch.run(now, key);
        return row?.result;
      },
      put: async (key, json, now, maxBytes) => storeResult(key, json, now, maxBytes),
    },
    keys: {
      insert: async (row) =>
        keys.insert.run(row.id, row.name, row.keyHash, row.perMinute, row.createdAt).changes > 0,
      all: async () => keys.all.all().map(toKey),
      byNameOrId: async (nameOrId) => {
        const row = keys.byNameOrId.get(nameOrId, nameOrId);
        return row && toKey(row);
      },
      byHash: async (keyHash) => {
        const row = keys.byHash.get(keyHash);
        return row && toKey(row);
      },
      delete: async (id) => keys.delete.run(id).changes > 0,
    },
    files: {
      insert: async (file: FileRecord) => {
        files.insert.run(file.id, file.name, file.contentType, file.body, file.expiresAt);
      },
      find: async (id, now) => {
        const row = files.find.get(id, now);
        return row && toFile(row);
      },
      purge: async (now) => {
        files.purge.run(now);
      },
    },
    migrate: async () => migrate(db, migrations),
    ping: async () => {
      try {
        db.prepare('SELECT 1').get();
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      db.close();
    },
  };
}
