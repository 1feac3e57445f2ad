import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shareRequest, type ShareRequest } from '@/lib/schemas/share';
import { openDatabase } from '@/lib/store/db';
import { createShareStore } from '@/lib/store/shares';
import { seedShareRequest } from '../support/share-request';

let request: ShareRequest;
beforeAll(async () => {
  request = shareRequest.parse(await seedShareRequest());
});

function tempDb() {
  return openDatabase(path.join(mkdtempSync(path.join(os.tmpdir(), 'bitext-shares-')), 'bitext.db'));
}

describe('share store', () => {
  it('round-trips what the person saw, with the title from the first line', () => {
    const store = createShareStore(tempDb());
    const { id, deleteToken, expiresAt } = store.create(request);
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(deleteToken.length).toBeGreaterThanOrEqual(32);
    expect(expiresAt).toBeNull();
    const share = store.get(id);
    expect(share.title).toBe('Lavrov: Russia isn’t’ conducting any secret negotiations about Syria');
    expect(share.summary).toEqual(request.summary);
    expect(share.translations).toEqual(request.translations);
    expect(share.sentences.length).toBe(request.translations.ru?.segments?.length);
  });

  it('keeps the doubt a translated sentence carries', () => {
    const store = createShareStore(tempDb());
    const ru = request.translations.ru!;
    const segments = ru.segments!.map((s, i) => (i === 1 ? { ...s, doubtful: 'repetition' as const } : s));
    const doubting = shareRequest.parse({ ...request, translations: { ru: { ...ru, segments } } });
    const share = store.get(store.create(doubting).id);
    expect(share.translations.ru?.segments?.[1]).toMatchObject({ doubtful: 'repetition' });
    expect(share.translations.ru?.segments?.[0]).not.toHaveProperty('doubtful');
  });

  it('keeps only a hash of the delete token', () => {
    const db = tempDb();
    const { id, deleteToken } = createShareStore(db).create(request);
    const stored = JSON.stringify(db.prepare('SELECT * FROM shares WHERE id = ?').get(id));
    expect(stored).not.toContain(deleteToken);
  });

  it('expires: 410 after the chosen time, then purged to 404 later', () => {
    let now = Date.parse('2026-11-28T12:00:00Z');
    const db = tempDb();
    const store = createShareStore(db, () => now);
    const { id, expiresAt } = store.create({ ...request, expires: '1d' });
    expect(expiresAt).toBe('2026-11-29T12:00:00.000Z');
    now += 86_400_000 - 1;
    expect(store.get(id).id).toBe(id);
    expect(store.state(id)).toMatchObject({ status: 'found' });
    now += 1;
    expect(() => store.get(id)).toThrow(expect.objectContaining({ code: 'expired' }));
    expect(store.state(id)).toEqual({ status: 'expired' });
    expect(store.state('AAAAAAAAAAAAAAAAAAAAAA')).toEqual({ status: 'missing' });
    now += 31 * 86_400_000;
    store.create(request); // creating purges long-expired shares
    expect(() => store.get(id)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('deletes only with the right token', () => {
    const store = createShareStore(tempDb());
    const { id, deleteToken } = store.create(request);
    // Read first, so that the share is also held in memory when it is deleted.
    expect(store.get(id).id).toBe(id);
    expect(() => store.delete(id, 'wrong')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => store.delete(id, '')).toThrow(expect.objectContaining({ code: 'forbidden' }));
    store.delete(id, deleteToken);
    expect(() => store.get(id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => store.delete(id, deleteToken)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('answers a repeated read from memory exactly as from the database, within its memory budget', () => {
    const db = tempDb();
    const roomy = createShareStore(db);
    const keepsNothing = createShareStore(db, Date.now, 1);
    const ids = [0, 1, 2].map(() => roomy.create(request).id);
    for (const id of ids) {
      const fromDisk = keepsNothing.entity(id);
      expect(roomy.entity(id)).toEqual(fromDisk);
      expect(roomy.entity(id)).toEqual(fromDisk);
      expect(JSON.parse(new TextDecoder().decode(fromDisk.body))).toEqual(roomy.get(id));
    }
  });

  it('serves a hot share, its status and its parsed form from memory, with no database left', () => {
    let now = Date.parse('2026-11-28T12:00:00Z');
    const db = tempDb();
    const store = createShareStore(db, () => now);
    const { id } = store.create({ ...request, expires: '1d' });
    const share = store.get(id);
    const { etag } = store.entity(id);
    // Every read below would throw if it reached the database.
    db.close();
    expect(store.state(id)).toEqual({ status: 'found', etag });
    // The page renders the same parsed share every time: no JSON.parse per request.
    expect(store.get(id)).toBe(share);
    expect(Object.isFrozen(share.translations)).toBe(true);
    now += 86_400_000;
    expect(store.state(id)).toEqual({ status: 'expired' });
    expect(() => store.get(id)).toThrow(expect.objectContaining({ code: 'expired' }));
  });

  it('gives each share a strong ETag of its bytes', () => {
    const db = tempDb();
    const store = createShareStore(db);
    const other = createShareStore(db, Date.now, 1);
    const a = store.create(request).id;
    const b = store.create({ ...request, title: 'Another title' }).id;
    const etag = store.entity(a).etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{20,}"$/);
    expect(other.entity(a).etag).toBe(etag);
    expect(store.entity(b).etag).not.toBe(etag);
  });

  it('refuses a structure that does not match the source', () => {
    const store = createShareStore(tempDb());
    const ru = request.translations.ru!;
    expect(() =>
      store.create({ ...request, translations: { ru: { ...ru, segments: ru.segments!.slice(1) } } }),
    ).toThrow(expect.objectContaining({ code: 'bad_request' }));
    expect(() =>
      store.create({
        ...request,
        summary: { ...request.summary, sentences: [{ text: 'x', sources: [999] }] },
      }),
    ).toThrow(expect.objectContaining({ code: 'bad_request' }));
    expect(() => store.create({ ...request, translations: { xx: ru } })).toThrow(
      expect.objectContaining({ code: 'unsupported_language' }),
    );
  });

  it('keeps every share when two connections create at the same time', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bitext-shares-'));
    const stores = [0, 1].map(() => createShareStore(openDatabase(path.join(dir, 'bitext.db'))));
    const ids = await Promise.all(
      Array.from({ length: 100 }, (_, i) => Promise.resolve().then(() => stores[i % 2]!.create(request).id)),
    );
    expect(new Set(ids).size).toBe(100);
    for (const id of ids) expect(stores[0]!.get(id).id).toBe(id);
  });
});
