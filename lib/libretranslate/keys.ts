import 'server-only';
import { BitextError } from '@/lib/errors';
import { processGlobal } from '@/lib/process-global';
import { appStore } from '@/lib/store';
import type { ApiKeyRecord, ApiKeyRows } from '@/lib/store/port';
import { hashToken, randomToken } from '@/lib/store/tokens';

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
  create(options: { name: string; perMinute: number }): Promise<ApiKey & { key: string }>;
  list(): Promise<ApiKey[]>;
  /** Deletes the key with this name or id; throws `not_found`. */
  revoke(nameOrId: string): Promise<ApiKey>;
  /** The key's record, or undefined for a key that was never made or was revoked. */
  find(key: string): Promise<ApiKey | undefined>;
}

const toKey = (row: ApiKeyRecord): ApiKey => ({
  id: row.id,
  name: row.name,
  perMinute: row.perMinute,
  createdAt: new Date(row.createdAt).toISOString(),
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

export function createApiKeyStore(rows: ApiKeyRows, now: () => number = Date.now): ApiKeyStore {
  const taken = (name: string) => new BitextError('bad_request', `There is already a key named ${name}.`);
  return {
    async create({ name, perMinute }) {
      const trimmed = name.trim();
      if (!/^[\w.-]{1,64}$/u.test(trimmed)) {
        throw new BitextError(
          'bad_request',
          'A key name is 1–64 letters, digits, dots, dashes or underscores.',
        );
      }
      if (await rows.byNameOrId(trimmed)) throw taken(trimmed);
      const id = randomToken(6);
      const key = randomToken(24);
      const created = now();
      // Refused when another process made a key of that name since the check above.
      if (!(await rows.insert({ id, name: trimmed, keyHash: hashToken(key), perMinute, createdAt: created })))
        throw taken(trimmed);
      return { key, id, name: trimmed, perMinute, createdAt: new Date(created).toISOString() };
    },
    list: async () => (await rows.all()).map(toKey),
    async revoke(nameOrId) {
      const row = await rows.byNameOrId(nameOrId);
      if (!row) throw new BitextError('not_found', `No key is named ${nameOrId} or has that id.`);
      await rows.delete(row.id);
      return toKey(row);
    },
    async find(key) {
      // Looked up by its hash: what the query compares is a digest, so its timing says nothing of the key.
      const row = await rows.byHash(hashToken(key));
      return row && toKey(row);
    },
  };
}

const keyStore = processGlobal('apiKeys', () => createApiKeyStore(appStore().keys));

/** The app's keys, in the app's store (opened on first use). */
export function apiKeys(): ApiKeyStore {
  return keyStore.get();
}
