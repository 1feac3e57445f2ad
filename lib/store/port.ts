import 'server-only';

import type { ApiKey } from '@/lib/libretranslate/keys';
import type { TranslatedFile } from '@/lib/libretranslate/files';
import type { DigestResult } from '@/lib/pipeline/digest';
import type { Share, ShareRequest } from '@/lib/schemas/share';

import type { ShareEntity, ShareState } from './shares';

/**
 * The store port (issue 11): what the routes, pages and jobs need from the database, async so that one
 * interface fits the embedded SQLite adapter and the Postgres adapter. Chosen once by `lib/store/index.ts`.
 * The hot share cache sits in front of either adapter, so `ShareRows` is the adapter's half only.
 */
export interface ShareRows {
  insert(row: {
    id: string;
    tokenHash: Buffer;
    payload: Uint8Array;
    createdAt: number;
    expiresAt: number | null;
  }): Promise<void>;
  /** The stored payload and its expiry, or undefined for an id never stored or deleted. */
  find(id: string): Promise<{ payload: Uint8Array; tokenHash: Buffer; expiresAt: number | null } | undefined>;
  delete(id: string): Promise<boolean>;
  /** Removes shares expired before `now`; returns how many. */
  purge(now: number): Promise<number>;
}

export interface AsyncShareStore {
  create(request: ShareRequest): Promise<{ id: string; deleteToken: string; expiresAt: string | null }>;
  get(id: string): Promise<Share>;
  entity(id: string): Promise<ShareEntity>;
  state(id: string): Promise<ShareState>;
  delete(id: string, token: string): Promise<void>;
}

export interface AsyncResultCache {
  get(key: string): Promise<DigestResult | undefined>;
  put(key: string, result: DigestResult): Promise<void>;
}

export interface AsyncApiKeyStore {
  create(options: { name: string; perMinute: number }): Promise<ApiKey & { key: string }>;
  list(): Promise<ApiKey[]>;
  revoke(nameOrId: string): Promise<ApiKey>;
  find(key: string): Promise<ApiKey | undefined>;
}

export interface AsyncFileStore {
  save(file: TranslatedFile): Promise<string>;
  read(id: string): Promise<TranslatedFile>;
}

/** One database engine: the adapters `sqlite.ts` and `postgres.ts` each return one. */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  shares: ShareRows;
  results: AsyncResultCache;
  keys: AsyncApiKeyStore;
  files: AsyncFileStore;
  /** Applies pending migrations; returns the versions applied (none on a second run). */
  migrate(): Promise<number[]>;
  /** A cheap bounded liveness check for /api/v1/health. */
  ping(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}
