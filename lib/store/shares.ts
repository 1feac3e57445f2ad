import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { BitextError } from '@/lib/errors';
import { isLanguageCode } from '@/lib/langs';
import { cleanArticle, sentencesOf } from '@/lib/pipeline/document';
import type { Share, ShareExpiry, ShareRequest } from '@/lib/schemas/share';
import { processGlobal } from '@/lib/process-global';
import { firstLineTitle } from '@/lib/share-links';
import { database, type Db } from './db';
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

interface Row {
  id: string;
  title: string;
  payload: string;
  created_at: number;
  expires_at: number | null;
}

/** A share as the API sends it: its UTF-8 JSON and a strong ETag of those bytes. */
export interface ShareEntity {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** What a share's page answers: found (with the ETag of its data), expired (410) or missing (404). */
export type ShareState = { status: 'found'; etag: string } | { status: 'expired' } | { status: 'missing' };

export interface ShareStore {
  create(request: ShareRequest): { id: string; deleteToken: string; expiresAt: string | null };
  /** The share, parsed once and frozen (the page renders it), or throws `not_found` / `expired`. */
  get(id: string): Share;
  /** The same as UTF-8 JSON, spliced from the stored payload without parsing it: the API's hot path. */
  entity(id: string): ShareEntity;
  /** Found, expired or missing; from memory once the share is hot. */
  state(id: string): ShareState;
  /** Deletes with the token given at creation; throws `not_found` / `forbidden`. */
  delete(id: string, token: string): void;
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

export function createShareStore(
  db: Db,
  now: () => number = Date.now,
  hotCacheBytes = HOT_CACHE_BYTES,
): ShareStore {
  const insert = db.prepare(
    `INSERT INTO shares (id, title, payload, delete_token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<[string], Row>(
    'SELECT id, title, payload, created_at, expires_at FROM shares WHERE id = ?',
  );
  const selectToken = db.prepare<[string], { delete_token_hash: Buffer }>(
    'SELECT delete_token_hash FROM shares WHERE id = ?',
  );
  const remove = db.prepare('DELETE FROM shares WHERE id = ?');
  const purge = db.prepare('DELETE FROM shares WHERE expires_at IS NOT NULL AND expires_at < ?');

  /*
   * The bodies of recently read shares. A shared link is read far more often than it is written, and the
   * database read and the UTF-8 encoding of a 50 kB share are most of what a GET costs. Shares never change;
   * delete() evicts, and expiry is checked on every hit (an expired share stays expired, so that answer
   * needs no database either). The page renders the parsed share kept beside the bytes. (One process serves the app, as for the job queue;
   * several processes would each keep a copy of a share deleted through another for as long as it is hot.)
   */
  const hot = new LRUCache<string, HotShare>({
    maxSize: hotCacheBytes,
    // The parsed form, when there is one, takes about as much memory again as the bytes.
    sizeCalculation: (entry) => entry.body.length * (entry.share ? 2 : 1),
  });

  function fromDatabase(id: string): HotShare {
    const row = isShareId(id) ? select.get(id) : undefined;
    if (!row) throw new BitextError('not_found', 'There is no shared result at this address.');
    const head = JSON.stringify({ id: row.id, title: row.title });
    const tail = JSON.stringify({
      createdAt: new Date(row.created_at).toISOString(),
      expiresAt: row.expires_at === null ? null : new Date(row.expires_at).toISOString(),
    });
    // `{"id",…,"title":…}` + the payload object's members + `"createdAt":…,"expiresAt":…}`: a Share.
    const body = utf8.encode(`${head.slice(0, -1)},${row.payload.slice(1, -1)},${tail.slice(1)}`);
    const entry: HotShare = { body, etag: entityTag(body), expiresAt: row.expires_at };
    // Kept even once expired: its 410 then needs no database either.
    hot.set(id, entry);
    return entry;
  }

  function load(id: string): HotShare {
    const entry = hot.get(id) ?? fromDatabase(id);
    if (entry.expiresAt !== null && entry.expiresAt <= now()) {
      throw new BitextError('expired', 'This shared result has expired.');
    }
    return entry;
  }

  return {
    create(request) {
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
      purge.run(created - KEEP_EXPIRED_MS);
      // …and their copies in memory, so that they answer 404 from here too.
      for (const [key, entry] of [...hot.entries()]) {
        if (entry.expiresAt !== null && entry.expiresAt < created - KEEP_EXPIRED_MS) hot.delete(key);
      }
      insert.run(id, title, JSON.stringify(payload), hashToken(deleteToken), created, expiresAt);
      return { id, deleteToken, expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString() };
    },

    get(id) {
      const entry = load(id);
      if (!entry.share) {
        entry.share = deepFreeze(JSON.parse(new TextDecoder().decode(entry.body)) as Share);
        // Set again so that the cache counts the parsed form's memory too.
        hot.set(id, entry);
      }
      return entry.share;
    },

    entity(id) {
      const { body, etag } = load(id);
      return { body, etag };
    },

    state(id) {
      try {
        return { status: 'found', etag: load(id).etag };
      } catch (error) {
        if (error instanceof BitextError && error.code === 'expired') return { status: 'expired' };
        if (error instanceof BitextError && error.code === 'not_found') return { status: 'missing' };
        throw error;
      }
    },

    delete(id, token) {
      const row = isShareId(id) ? selectToken.get(id) : undefined;
      if (!row) throw new BitextError('not_found', 'There is no shared result at this address.');
      // Compare hashes in constant time, so response timing says nothing about how much of a guess was right.
      if (!timingSafeEqual(hashToken(token), row.delete_token_hash)) {
        throw new BitextError('forbidden', 'That delete token does not match this share.');
      }
      remove.run(id);
      hot.delete(id);
    },
  };
}

const appStore = processGlobal('shares', () => createShareStore(database()));

/** The app's share store, on the app's database (opened on first use). */
export function shareStore(): ShareStore {
  return appStore.get();
}
