import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { BitextError } from '@/lib/errors';
import { isLanguageCode } from '@/lib/langs';
import { cleanArticle, sentencesOf } from '@/lib/pipeline/document';
import type { Share, ShareExpiry, ShareRequest } from '@/lib/schemas/share';
import { firstLineTitle } from '@/lib/share-links';
import type { ShareRows } from './port';
import { hashToken, randomToken } from './tokens';

const EXPIRY_MS: Record<ShareExpiry, number | null> = {
  never: null,
  '1d': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};

/** Expired shares answer 410 for this long, then are purged and answer 404 like any unknown id. */
const KEEP_EXPIRED_MS = 30 * 86_400_000;

/** 16 random bytes: 128 bits, 22 URL-safe characters. Unguessable, so links can't be enumerated. */
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function isShareId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** What is stored for a share besides its columns; `Share` minus what the columns hold. */
type StoredPayload = Omit<Share, 'id' | 'title' | 'createdAt' | 'expiresAt'>;

/** A share as the API sends it: its UTF-8 JSON and a strong ETag of those bytes. */
export interface ShareEntity {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** What a share's page answers: found (with the ETag of its data), expired (410) or missing (404). */
export type ShareState = { status: 'found'; etag: string } | { status: 'expired' } | { status: 'missing' };

export interface ShareStore {
  create(request: ShareRequest): Promise<{ id: string; deleteToken: string; expiresAt: string | null }>;
  /** The share, parsed once and frozen (the page renders it), or throws `not_found` / `expired`. */
  get(id: string): Promise<Share>;
  /** The same as UTF-8 JSON, spliced from the stored payload without parsing it: the API's hot path. */
  entity(id: string): Promise<ShareEntity>;
  /** Found, expired or missing; from memory once the share is hot. */
  state(id: string): Promise<ShareState>;
  /** Deletes with the token given at creation; throws `not_found` / `forbidden`. */
  delete(id: string, token: string): Promise<void>;
}

/**
 * How processes sharing one database tell each other to forget shares from their hot caches (Redis pub/sub,
 * lib/store/evictions.ts). Without one, a process knows only of its own deletes: right for a single process.
 */
export interface ShareEvictions {
  /** Tells every subscribed process, this one included, to forget these shares; never throws. */
  publish(ids: readonly string[]): Promise<void>;
  /**
   * `evict` for each id published by any process; `reset` whenever the subscription (re)starts, since
   * evictions published while it was down were missed.
   */
  subscribe(listener: { evict(id: string): void; reset(): void }): void;
}

export interface ShareStoreOptions {
  now?: () => number;
  /** Bytes of share bodies kept in memory (see `hot` below). */
  hotCacheBytes?: number;
  evictions?: ShareEvictions;
}

/**
 * Checks what the client sent against the server's own reading of the article: the summary's sources and
 * the translated segments must line up with the sentences this server splits the source into.
 */
function checkStructure(request: ShareRequest, sentenceCount: number): void {
  const fail = (message: string) => {
    throw new BitextError('bad_request', message);
  };
  for (const code of [request.source.language, ...Object.keys(request.translations)]) {
    if (!isLanguageCode(code))
      throw new BitextError('unsupported_language', `Unsupported language "${code}".`);
  }
  for (const sentence of request.summary.sentences) {
    if (sentence.sources.some((s) => s >= sentenceCount))
      fail('summary.sentences: a source index is out of range');
  }
  for (const [code, translation] of Object.entries(request.translations)) {
    if (translation.segments && translation.segments.length !== sentenceCount) {
      fail(`translations.${code}.segments: expected ${sentenceCount} segments, one per source sentence`);
    }
    if (translation.summary && translation.summary.sentences.length !== request.summary.sentences.length) {
      fail(`translations.${code}.summary: expected one sentence per summary sentence`);
    }
  }
}

const utf8 = new TextEncoder();

/** The bytes' SHA-256, as a quoted (strong) entity tag. */
function entityTag(bytes: Uint8Array): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

interface HotShare extends ShareEntity {
  expiresAt: number | null;
  /** Parsed on the first `get`: the JSON API never needs it. */
  share?: Share;
}
/** Bytes of share bodies kept in memory (see `hot` below). */
const HOT_CACHE_BYTES = 32 * 1024 * 1024;

const notFound = () => new BitextError('not_found', 'There is no shared result at this address.');

/** Shares on any adapter's rows: the one place that knows what a share is. */
export function createShareStore(
  rows: ShareRows,
  { now = Date.now, hotCacheBytes = HOT_CACHE_BYTES, evictions }: ShareStoreOptions = {},
): ShareStore {
  /*
   * The bodies of recently read shares. A shared link is read far more often than it is written, and the
   * database read and the UTF-8 encoding of a 50 kB share are most of what a GET costs. Shares never change;
   * delete() evicts, and expiry is checked on every hit (an expired share stays expired, so that answer
   * needs no database either). The page renders the parsed share kept beside the bytes. With several
   * processes on one database, a delete through one reaches the others' caches through `evictions`.
   */
  const hot = new LRUCache<string, HotShare>({
    maxSize: hotCacheBytes,
    // The parsed form, when there is one, takes about as much memory again as the bytes.
    sizeCalculation: (entry) => entry.body.length * (entry.share ? 2 : 1),
  });

  /*
   * Counts evictions heard. A read that was already on its way to the database when an eviction arrived
   * may bring back the row just deleted elsewhere; it answers, but is not kept, or it would linger here.
   */
  let evictionsHeard = 0;
  evictions?.subscribe({
    evict: (id) => {
      evictionsHeard++;
      hot.delete(id);
    },
    reset: () => {
      evictionsHeard++;
      hot.clear();
    },
  });

  async function fromDatabase(id: string): Promise<HotShare> {
    const heard = evictionsHeard;
    const row = isShareId(id) ? await rows.find(id) : undefined;
    if (!row) throw notFound();
    const head = JSON.stringify({ id: row.id, title: row.title });
    const tail = JSON.stringify({
      createdAt: new Date(row.createdAt).toISOString(),
      expiresAt: row.expiresAt === null ? null : new Date(row.expiresAt).toISOString(),
    });
    // `{"id",…,"title":…}` + the payload object's members + `"createdAt":…,"expiresAt":…}`: a Share.
    const body = utf8.encode(`${head.slice(0, -1)},${row.payload.slice(1, -1)},${tail.slice(1)}`);
    const entry: HotShare = { body, etag: entityTag(body), expiresAt: row.expiresAt };
    // Kept even once expired: its 410 then needs no database either.
    if (heard === evictionsHeard) hot.set(id, entry);
    return entry;
  }

  async function load(id: string): Promise<HotShare> {
    const entry = hot.get(id) ?? (await fromDatabase(id));
    if (entry.expiresAt !== null && entry.expiresAt <= now()) {
      throw new BitextError('expired', 'This shared result has expired.');
    }
    return entry;
  }

  return {
    async create(request) {
      const { body } = cleanArticle(request.source.text);
      const sentences = sentencesOf(body, request.source.language);
      checkStructure(request, sentences.length);
      const id = randomToken(16);
      const deleteToken = randomToken(24);
      const created = now();
      const ttl = EXPIRY_MS[request.expires];
      const expiresAt = ttl === null ? null : created + ttl;
      const title = request.title || firstLineTitle(body);
      const payload: StoredPayload = {
        source: request.source,
        sentences,
        summary: request.summary,
        translations: request.translations,
        options: request.options,
      };
      const purged = await rows.purge(created - KEEP_EXPIRED_MS);
      // …and their copies in memory, here and in every other process, so that they answer 404 everywhere.
      for (const key of purged) hot.delete(key);
      if (purged.length) await evictions?.publish(purged);
      await rows.insert({
        id,
        title,
        payload: JSON.stringify(payload),
        tokenHash: hashToken(deleteToken),
        createdAt: created,
        expiresAt,
      });
      return { id, deleteToken, expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString() };
    },

    async get(id) {
      const entry = await load(id);
      if (!entry.share) {
        entry.share = deepFreeze(JSON.parse(new TextDecoder().decode(entry.body)) as Share);
        // Set again so that the cache counts the parsed form's memory too (if it is kept at all).
        if (hot.peek(id) === entry) hot.set(id, entry);
      }
      return entry.share;
    },

    async entity(id) {
      const { body, etag } = await load(id);
      return { body, etag };
    },

    async state(id) {
      try {
        return { status: 'found', etag: (await load(id)).etag };
      } catch (error) {
        if (error instanceof BitextError && error.code === 'expired') return { status: 'expired' };
        if (error instanceof BitextError && error.code === 'not_found') return { status: 'missing' };
        throw error;
      }
    },

    async delete(id, token) {
      const row = isShareId(id) ? await rows.find(id) : undefined;
      if (!row) throw notFound();
      // Compare hashes in constant time, so response timing says nothing about how much of a guess was right.
      if (!timingSafeEqual(hashToken(token), row.tokenHash)) {
        throw new BitextError('forbidden', 'That delete token does not match this share.');
      }
      await rows.delete(id);
      hot.delete(id);
      await evictions?.publish([id]);
    },
  };
}
