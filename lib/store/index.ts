import 'server-only';
import path from 'node:path';
import { processGlobal } from '@/lib/process-global';
import { readEnv } from '@/lib/server/env';
import { redisEvictions, type RedisEvictions } from './evictions';
import type { Store } from './port';
import { openPostgresStore } from './postgres';
import { createResultCache, type ResultCache } from './results';
import { createShareStore, type ShareStore } from './shares';
import { openSqliteStore } from './sqlite';

/**
 * The one place that chooses the store: Postgres when BITEXT_DATABASE_URL is set (several web processes
 * share it), otherwise `<BITEXT_DATA_DIR>/bitext.db` in SQLite (`npm start` needs nothing else). Everything
 * else asks for `appStore()`, `shareStore()` or `resultCache()` and never knows which it got.
 */
export function openStore(env: { databaseUrl?: string; dataDir: string } = readEnv()): Store {
  return openStoreAt(env.databaseUrl ?? path.join(env.dataDir, 'bitext.db'));
}

/** Whether `location` names a Postgres database rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//u.test(location);
}

/** The store at `location`: a `postgres://` URL, or the path of a SQLite file (created if missing). */
export function openStoreAt(location: string): Store {
  return isPostgresUrl(location) ? openPostgresStore(location) : openSqliteStore(location);
}

// One store per process, shared by every route bundle.
const store = processGlobal('store', () => openStore());
const evictions = processGlobal('shareEvictions', (): RedisEvictions | undefined => {
  const { redisUrl } = readEnv();
  return redisUrl ? redisEvictions(redisUrl) : undefined;
});
const shares = processGlobal('shares', () =>
  createShareStore(appStore().shares, { evictions: evictions.get() }),
);
const results = processGlobal('results', () => createResultCache(appStore().results));

/** The app's store, opened on first use (not on import). */
export function appStore(): Store {
  return store.get();
}

/** The app's shares, with the hot cache (and, with Redis, evictions shared with the other processes). */
export function shareStore(): ShareStore {
  return shares.get();
}

/** The app's finished-digest cache. */
export function resultCache(): ResultCache {
  return results.get();
}

/** How long /api/v1/health waits for the database before calling it down. */
const PING_TIMEOUT_MS = 1_000;

/** For /api/v1/health: whether the database answers. */
export async function storeStatus(): Promise<'ok' | 'down'> {
  return (await appStore().ping(PING_TIMEOUT_MS)) ? 'ok' : 'down';
}

/** Closes the store and the eviction channel if this process opened them (graceful shutdown, scripts). */
export async function closeStore(): Promise<void> {
  const open = store.peek();
  const channel = evictions.peek();
  for (const global of [shares, results, store, evictions]) global.clear();
  await Promise.all([open?.close(), channel?.close()]);
}
