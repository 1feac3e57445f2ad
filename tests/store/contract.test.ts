import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileStore, FILE_TTL_MS } from '@/lib/libretranslate/files';
import { createApiKeyStore } from '@/lib/libretranslate/keys';
import type { DigestResult } from '@/lib/pipeline/digest';
import { shareRequest, type ShareRequest } from '@/lib/schemas/share';
import { MIGRATIONS, type Migration } from '@/lib/store/migrations';
import type { Store } from '@/lib/store/port';
import { createResultCache } from '@/lib/store/results';
import { createShareStore } from '@/lib/store/shares';
import { failure } from '../support/bitext-error';
import { seedShareRequest } from '../support/share-request';
import { ENGINES, engineUnavailable, startEngine, type EngineHarness } from '../support/stores';

/**
 * The store port's contract: everything the app relies on, run against every adapter so neither can drift.
 * Shares, results, keys and files go through the one logic module each has, on the adapter's rows.
 */

let request: ShareRequest;
beforeAll(async () => {
  request = shareRequest.parse(await seedShareRequest());
});

const result: DigestResult = {
  language: 'en',
  removed: [],
  sentences: [{ text: 'Moscow, SANA.', paragraph: 0 }],
  summary: {
    mode: 'extractive',
    text: '• Moscow, SANA.',
    sentences: [{ text: 'Moscow, SANA.', sources: [0] }],
  },
  translations: {
    ru: { models: ['bitext-fixtures/translit-ru'], summary: { text: '• Мосцов, САНА.', sentences: [] } },
  },
};

// A migration appended after the shipped ones, in both dialects.
const NEXT_VERSION = (MIGRATIONS.at(-1)?.version ?? 0) + 1;
const NOTES: Migration = {
  version: NEXT_VERSION,
  name: 'notes',
  sqlite: 'CREATE TABLE notes (id INTEGER PRIMARY KEY) STRICT;',
  postgres: 'CREATE TABLE notes (id INTEGER PRIMARY KEY);',
};

const DAY = 86_400_000;

describe.each(ENGINES)('the %s store', (engine) => {
  const skip = engineUnavailable(engine);
  let harness: EngineHarness;
  beforeAll(async () => {
    if (!skip) harness = await startEngine(engine);
  });
  afterAll(async () => {
    await harness?.stop();
  });
  const fresh = async (): Promise<Store> => harness.open(await harness.freshLocation());

  describe.skipIf(skip)('shares', () => {
    it('round-trips what the person saw, with the title from the first line', async () => {
      const store = createShareStore((await fresh()).shares);
      const { id, deleteToken, expiresAt } = await store.create(request);
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(deleteToken.length).toBeGreaterThanOrEqual(32);
      expect(expiresAt).toBeNull();
      const share = await store.get(id);
      expect(share.title).toBe('Lavrov: Russia isn’t’ conducting any secret negotiations about Syria');
      expect(share.summary).toEqual(request.summary);
      expect(share.translations).toEqual(request.translations);
      expect(share.sentences.length).toBe(request.translations.ru?.segments?.length);
    });

    it('keeps the doubt a translated sentence carries', async () => {
      const store = createShareStore((await fresh()).shares);
      const ru = request.translations.ru!;
      const segments = ru.segments!.map((s, i) => (i === 1 ? { ...s, doubtful: 'repetition' as const } : s));
      const doubting = shareRequest.parse({ ...request, translations: { ru: { ...ru, segments } } });
      const share = await store.get((await store.create(doubting)).id);
      expect(share.translations.ru?.segments?.[1]).toMatchObject({ doubtful: 'repetition' });
      expect(share.translations.ru?.segments?.[0]).not.toHaveProperty('doubtful');
    });

    it('keeps only a hash of the delete token, as bytes', async () => {
      const rows = (await fresh()).shares;
      const { id, deleteToken } = await createShareStore(rows).create(request);
      const stored = await rows.find(id);
      expect(Buffer.isBuffer(stored?.tokenHash)).toBe(true);
      expect(stored?.tokenHash).toHaveLength(32);
      expect(JSON.stringify(stored)).not.toContain(deleteToken);
    });

    it('expires: 410 after the chosen time, then purged to 404 later', async () => {
      let now = Date.parse('2026-11-28T12:00:00Z');
      const rows = (await fresh()).shares;
      const store = createShareStore(rows, { now: () => now });
      const { id, expiresAt } = await store.create({ ...request, expires: '1d' });
      expect(expiresAt).toBe('2026-11-29T12:00:00.000Z');
      // Times come back as numbers, exactly (Postgres BIGINT is a string to `pg` unless parsed).
      expect(await rows.find(id)).toMatchObject({ createdAt: now, expiresAt: now + DAY });
      now += DAY - 1;
      expect((await store.get(id)).id).toBe(id);
      expect(await store.state(id)).toMatchObject({ status: 'found' });
      now += 1;
      expect((await failure(store.get(id))).code).toBe('expired');
      expect(await store.state(id)).toEqual({ status: 'expired' });
      expect(await store.state('AAAAAAAAAAAAAAAAAAAAAA')).toEqual({ status: 'missing' });
      now += 31 * DAY;
      await store.create(request); // creating purges long-expired shares
      expect((await failure(store.get(id))).code).toBe('not_found');
      expect(await rows.find(id)).toBeUndefined();
    });

    it('deletes only with the right token', async () => {
      const store = createShareStore((await fresh()).shares);
      const { id, deleteToken } = await store.create(request);
      // Read first, so that the share is also held in memory when it is deleted.
      expect((await store.get(id)).id).toBe(id);
      expect((await failure(store.delete(id, 'wrong'))).code).toBe('forbidden');
      expect((await failure(store.delete(id, ''))).code).toBe('forbidden');
      await store.delete(id, deleteToken);
      expect((await failure(store.get(id))).code).toBe('not_found');
      expect((await failure(store.delete(id, deleteToken))).code).toBe('not_found');
    });

    it('answers a repeated read from memory exactly as from the database, within its memory budget', async () => {
      const rows = (await fresh()).shares;
      const roomy = createShareStore(rows);
      const keepsNothing = createShareStore(rows, { hotCacheBytes: 1 });
      const ids = await Promise.all([0, 1, 2].map(async () => (await roomy.create(request)).id));
      for (const id of ids) {
        const fromDisk = await keepsNothing.entity(id);
        expect(await roomy.entity(id)).toEqual(fromDisk);
        expect(await roomy.entity(id)).toEqual(fromDisk);
        expect(JSON.parse(new TextDecoder().decode(fromDisk.body))).toEqual(await roomy.get(id));
      }
    });

    it('serves a hot share, its status and its parsed form from memory, with no database left', async () => {
      let now = Date.parse('2026-11-28T12:00:00Z');
      const db = await fresh();
      const store = createShareStore(db.shares, { now: () => now });
      const { id } = await store.create({ ...request, expires: '1d' });
      const share = await store.get(id);
      const { etag } = await store.entity(id);
      // Every read below would throw if it reached the database.
      await db.close();
      expect(await store.state(id)).toEqual({ status: 'found', etag });
      // The page renders the same parsed share every time: no JSON.parse per request.
      expect(await store.get(id)).toBe(share);
      expect(Object.isFrozen(share.translations)).toBe(true);
      now += DAY;
      expect(await store.state(id)).toEqual({ status: 'expired' });
      expect((await failure(store.get(id))).code).toBe('expired');
    });

    it('gives each share a strong ETag of its bytes', async () => {
      const rows = (await fresh()).shares;
      const store = createShareStore(rows);
      const other = createShareStore(rows, { hotCacheBytes: 1 });
      const a = (await store.create(request)).id;
      const b = (await store.create({ ...request, title: 'Another title' })).id;
      const { etag } = await store.entity(a);
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
      expect((await other.entity(a)).etag).toBe(etag);
      expect((await store.entity(b)).etag).not.toBe(etag);
    });

    it('refuses a structure that does not match the source', async () => {
      const store = createShareStore((await fresh()).shares);
      const ru = request.translations.ru!;
      const short = { ...request, translations: { ru: { ...ru, segments: ru.segments!.slice(1) } } };
      expect((await failure(store.create(short))).code).toBe('bad_request');
      const outOfRange = {
        ...request,
        summary: { ...request.summary, sentences: [{ text: 'x', sources: [999] }] },
      };
      expect((await failure(store.create(outOfRange))).code).toBe('bad_request');
      expect((await failure(store.create({ ...request, translations: { xx: ru } }))).code).toBe(
        'unsupported_language',
      );
    });

    it('keeps every share when two connections create at the same time', async () => {
      const location = await harness.freshLocation();
      const stores = [0, 1].map(() => createShareStore(harness.open(location).shares));
      const ids = await Promise.all(
        Array.from({ length: 100 }, async (_, i) => (await stores[i % 2]!.create(request)).id),
      );
      expect(new Set(ids).size).toBe(100);
      for (const id of ids) expect((await stores[1]!.get(id)).id).toBe(id);
    });

    it('walks every share in id order, and refuses an id that is taken', async () => {
      const rows = (await fresh()).shares;
      const store = createShareStore(rows);
      const ids = (await Promise.all([0, 1, 2].map(() => store.create(request)))).map((s) => s.id).sort();
      const first = await rows.page('', 2);
      expect(first.map((r) => r.id)).toEqual(ids.slice(0, 2));
      expect((await rows.page(first[1]!.id, 2)).map((r) => r.id)).toEqual(ids.slice(2));
      expect(await rows.insert(first[0]!)).toBe(false);
    });
  });

  describe.skipIf(skip)('result cache', () => {
    it('returns what was stored, also after the database is reopened', async () => {
      const location = await harness.freshLocation();
      await createResultCache(harness.open(location).results).put('k1', result);
      const reopened = createResultCache(harness.open(location).results);
      expect(await reopened.get('k1')).toEqual(result);
      expect(await reopened.get('k2')).toBeUndefined();
    });

    it('answers a stored row that is not a digest result (a bug, a hand edit) as a miss', async () => {
      const rows = (await fresh()).results;
      await rows.put('k1', JSON.stringify({ language: 'en', summary: 'x' }), Date.now(), 1e9);
      expect(await createResultCache(rows).get('k1')).toBeUndefined();
    });

    it('does not keep a result in which a language failed (its model may be pulled later)', async () => {
      const cache = createResultCache((await fresh()).results);
      const failed: DigestResult = {
        ...result,
        translations: {
          ...result.translations,
          ar: { models: [], error: { code: 'model_unavailable', message: 'Model missing' } },
        },
      };
      await cache.put('k', failed);
      expect(await cache.get('k')).toBeUndefined();
    });

    it('drops the least recently used results beyond its size budget', async () => {
      // Room for two results, not three.
      const size = Buffer.byteLength(JSON.stringify(result));
      let now = 1_000;
      const cache = createResultCache((await fresh()).results, { maxBytes: size * 2.5, now: () => now++ });
      await cache.put('a', result);
      await cache.put('b', result);
      await cache.get('a');
      await cache.put('c', result);
      expect(await cache.get('a')).toEqual(result);
      expect(await cache.get('b')).toBeUndefined();
      expect(await cache.get('c')).toEqual(result);
    });
  });

  describe.skipIf(skip)('API keys', () => {
    it('are stored hashed: the database never holds the key', async () => {
      const rows = (await fresh()).keys;
      const { key, id } = await createApiKeyStore(rows).create({ name: 'mastodon', perMinute: 120 });
      const row = await rows.byNameOrId(id);
      expect(JSON.stringify(row)).not.toContain(key);
      expect(Buffer.isBuffer(row?.keyHash)).toBe(true);
    });

    it('are found by key, listed by name, and revoked by name or id', async () => {
      const store = createApiKeyStore((await fresh()).keys, () => Date.UTC(2026, 11, 4));
      const a = await store.create({ name: 'mastodon', perMinute: 120 });
      const b = await store.create({ name: 'weblate', perMinute: 0 });
      expect(await store.find(a.key)).toEqual({
        id: a.id,
        name: 'mastodon',
        perMinute: 120,
        createdAt: '2026-12-04T00:00:00.000Z',
      });
      expect(await store.find('nope')).toBeUndefined();
      expect((await store.list()).map((k) => k.name)).toEqual(['mastodon', 'weblate']);
      expect((await failure(store.create({ name: 'weblate', perMinute: 1 }))).code).toBe('bad_request');
      await store.revoke(b.id);
      await store.revoke('mastodon');
      expect(await store.find(a.key)).toBeUndefined();
      expect(await store.list()).toEqual([]);
      expect((await failure(store.revoke('mastodon'))).code).toBe('not_found');
    });
  });

  describe.skipIf(skip)('translated files', () => {
    it('are read back byte for byte under their unguessable id until they expire', async () => {
      let now = 1_000;
      const store = createFileStore((await fresh()).files, () => now);
      // Every byte value: a BLOB / BYTEA column, not text.
      const body = Uint8Array.from({ length: 256 }, (_, i) => i);
      const id = await store.save({ name: 'a.txt', contentType: 'text/plain; charset=utf-8', body });
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(await store.save({ name: 'b.txt', contentType: 'text/plain', body })).not.toBe(id);
      expect(await store.read(id)).toEqual({
        name: 'a.txt',
        contentType: 'text/plain; charset=utf-8',
        body: Buffer.from(body),
      });
      now += FILE_TTL_MS;
      expect((await failure(store.read(id))).code).toBe('not_found');
      expect((await failure(store.read('../../etc/passwd'))).code).toBe('not_found');
    });
  });

  describe.skipIf(skip)('migrations and liveness', () => {
    it('runs nothing again on a second migrate, and applies only a migration appended later', async () => {
      const location = await harness.freshLocation();
      const first = harness.open(location);
      await first.migrate();
      expect(await first.migrate()).toEqual([]);
      const later = harness.open(location, [...MIGRATIONS, NOTES]);
      // SQLite migrates as it opens (it prepares its statements then); Postgres before its first query.
      expect(await later.migrate()).toEqual(engine === 'postgres' ? [NEXT_VERSION] : []);
      expect(await later.migrate()).toEqual([]);
      // The appended table is there: a migration using it applies.
      const useNotes: Migration = {
        version: NEXT_VERSION + 1,
        name: 'a note',
        sqlite: 'INSERT INTO notes (id) VALUES (1);',
        postgres: 'INSERT INTO notes (id) VALUES (1);',
      };
      await harness.open(location, [...MIGRATIONS, NOTES, useNotes]).migrate();
    });

    it('migrates once when two processes start at the same time', async () => {
      const location = await harness.freshLocation();
      const [a, b] = [harness.open(location), harness.open(location)];
      const applied = (await Promise.all([a.migrate(), b.migrate()])).flat();
      // Each version exactly once between them (SQLite migrated each store as it opened: none left then).
      expect(applied.sort((x, y) => x - y)).toEqual(
        engine === 'postgres' ? MIGRATIONS.map((m) => m.version) : [],
      );
      expect(await a.migrate()).toEqual([]);
      // Both work on the one schema.
      const id = (await createShareStore(a.shares).create(request)).id;
      expect((await createShareStore(b.shares).get(id)).id).toBe(id);
    });

    it('pings while open, and not once closed', async () => {
      const store = await fresh();
      expect(await store.ping(1_000)).toBe(true);
      await store.close();
      expect(await store.ping(1_000)).toBe(false);
    });
  });
});
