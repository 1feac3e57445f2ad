import 'server-only';
import { BitextError } from '@/lib/errors';
import { database, type Db } from '@/lib/store/db';
import { hashToken, randomToken } from '@/lib/store/tokens';
import { processGlobal } from '@/lib/process-global';

/**
 * API keys for the LibreTranslate-compatible API, as LibreTranslate has them: each with a name and its own
 * rate. Stored hashed like share delete tokens; the key itself is shown once, when it is made.
 */
export interface ApiKey {
  id: string;
  name: string;
  /** Requests a minute; 0 = no limit. */
  perMinute: number;
  createdAt: string;
}

export interface ApiKeyStore {
  create(options: { name: string; perMinute: number }): ApiKey & { key: string };
  list(): ApiKey[];
  /** Deletes the key with this name or id; throws `not_found`. */
  revoke(nameOrId: string): ApiKey;
  /** The key's record, or undefined for a key that was never made or was revoked. */
  find(key: string): ApiKey | undefined;
}

interface Row {
  id: string;
  name: string;
  key_hash: Buffer;
  per_minute: number;
  created_at: number;
}

const toKey = (row: Row): ApiKey => ({
  id: row.id,
  name: row.name,
  perMinute: row.per_minute,
  createdAt: new Date(row.created_at).toISOString(),
});

/** `120/min` or `2/s` → requests a minute. */
export function parseRate(rate: string): number {
  const match = /^\s*(\d{1,7})\s*\/\s*(min|minute|s|sec|second)\s*$/iu.exec(rate);
  if (!match)
    throw new BitextError(
      'bad_request',
      `A rate is requests per minute or second, like 120/min or 2/s (not "${rate}").`,
    );
  const count = Number(match[1]);
  return /^m/iu.test(match[2]!) ? count : count * 60;
}

export function createApiKeyStore(db: Db, now: () => number = Date.now): ApiKeyStore {
  const insert = db.prepare(
    'INSERT INTO api_keys (id, name, key_hash, per_minute, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], Row>('SELECT * FROM api_keys ORDER BY created_at, name');
  const byNameOrId = db.prepare<[string, string], Row>('SELECT * FROM api_keys WHERE name = ? OR id = ?');
  const byHash = db.prepare<[Buffer], Row>('SELECT * FROM api_keys WHERE key_hash = ?');
  const remove = db.prepare('DELETE FROM api_keys WHERE id = ?');

  return {
    create({ name, perMinute }) {
      const trimmed = name.trim();
      if (!/^[\w.-]{1,64}$/u.test(trimmed)) {
        throw new BitextError(
          'bad_request',
          'A key name is 1–64 letters, digits, dots, dashes or underscores.',
        );
      }
      if (byNameOrId.get(trimmed, trimmed))
        throw new BitextError('bad_request', `There is already a key named ${trimmed}.`);
      const id = randomToken(6);
      const key = randomToken(24);
      const created = now();
      insert.run(id, trimmed, hashToken(key), perMinute, created);
      return { key, id, name: trimmed, perMinute, createdAt: new Date(created).toISOString() };
    },
    list: () => all.all().map(toKey),
    revoke(nameOrId) {
      const row = byNameOrId.get(nameOrId, nameOrId);
      if (!row) throw new BitextError('not_found', `No key is named ${nameOrId} or has that id.`);
      remove.run(row.id);
      return toKey(row);
    },
    find(key) {
      // Looked up by its hash: what the query compares is a digest, so its timing says nothing of the key.
      const row = byHash.get(hashToken(key));
      return row && toKey(row);
    },
  };
}

const keyStore = processGlobal('apiKeys', () => createApiKeyStore(database()));

/** The app's keys, on the app's database (opened on first use). */
export function apiKeys(): ApiKeyStore {
  return keyStore.get();
}
