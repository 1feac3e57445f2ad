import 'server-only';

/**
 * The store port (issue 11): the rows the app keeps, async so that one interface fits the embedded SQLite
 * adapter (`sqlite.ts`) and the Postgres adapter (`postgres.ts`). Chosen once by `lib/store/index.ts`.
 * Adapters only move rows: what a share, a cached digest, a key or a file means (validation, ids, tokens,
 * the hot share cache, ETags, budgets) lives once, in shares.ts, results.ts and lib/libretranslate, on top.
 * Times are milliseconds since the epoch; hashes are SHA-256 bytes (lib/store/tokens.ts).
 */

export interface ShareRecord {
  id: string;
  title: string;
  /** The share's JSON members other than the columns (see shares.ts), as stored. */
  payload: string;
  tokenHash: Buffer;
  createdAt: number;
  expiresAt: number | null;
}

export interface ShareRows {
  /** False when the id is taken (never for a fresh random id; a repeated copy by store:migrate). */
  insert(row: ShareRecord): Promise<boolean>;
  find(id: string): Promise<ShareRecord | undefined>;
  delete(id: string): Promise<boolean>;
  /** Removes the shares that expired before `before`; returns their ids. */
  purge(before: number): Promise<string[]>;
  /** Up to `limit` shares with ids after `after`, in id order: how store:migrate walks them all. */
  page(after: string, limit: number): Promise<ShareRecord[]>;
}

export interface ResultRows {
  /** The stored JSON, marking it used at `now`; undefined when absent. */
  get(key: string, now: number): Promise<string | undefined>;
  /** Stores (or replaces) the JSON, then drops least recently used rows beyond `maxBytes`, atomically. */
  put(key: string, json: string, now: number, maxBytes: number): Promise<void>;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  keyHash: Buffer;
  perMinute: number;
  createdAt: number;
}

export interface ApiKeyRows {
  /** False when the id, name or key is taken. */
  insert(row: ApiKeyRecord): Promise<boolean>;
  /** By creation time, then name. */
  all(): Promise<ApiKeyRecord[]>;
  byNameOrId(nameOrId: string): Promise<ApiKeyRecord | undefined>;
  byHash(keyHash: Buffer): Promise<ApiKeyRecord | undefined>;
  delete(id: string): Promise<boolean>;
}

export interface FileRecord {
  id: string;
  name: string;
  contentType: string;
  body: Uint8Array;
  expiresAt: number;
}

export interface FileRows {
  insert(row: FileRecord): Promise<void>;
  /** The file unless it expired by `now`. */
  find(id: string, now: number): Promise<FileRecord | undefined>;
  /** Removes files expired by `now`. */
  purge(now: number): Promise<void>;
}

/** One database engine: the adapters `sqlite.ts` and `postgres.ts` each make one. */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  shares: ShareRows;
  results: ResultRows;
  keys: ApiKeyRows;
  files: FileRows;
  /** Applies pending migrations; returns the versions applied (none on a second run). */
  migrate(): Promise<number[]>;
  /** A cheap liveness check, answered within `timeoutMs` (false then), for /api/v1/health. */
  ping(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}
