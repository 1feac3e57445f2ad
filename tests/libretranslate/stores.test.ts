import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileStore, FILE_TTL_MS } from '@/lib/libretranslate/files';
import { createApiKeyStore, parseRate } from '@/lib/libretranslate/keys';
import { openDatabase } from '@/lib/store/db';
import { failure } from '../support/bitext-error';

const db = () =>
  openDatabase(path.join(mkdtempSync(path.join(tmpdir(), 'bitext-libre-store-')), 'bitext.db'));

describe('translated files', () => {
  it('are read back under their unguessable id until they expire, then answer not_found', async () => {
    let now = 1_000;
    const store = createFileStore(db(), () => now);
    const body = new TextEncoder().encode('Привет');
    const id = store.save({ name: 'a.txt', contentType: 'text/plain; charset=utf-8', body });
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(store.save({ name: 'b.txt', contentType: 'text/plain', body })).not.toBe(id);
    expect(store.read(id)).toEqual({
      name: 'a.txt',
      contentType: 'text/plain; charset=utf-8',
      body: Buffer.from(body),
    });
    now += FILE_TTL_MS;
    expect((await failure(Promise.resolve().then(() => store.read(id)))).code).toBe('not_found');
    expect((await failure(Promise.resolve().then(() => store.read('../../etc/passwd')))).code).toBe(
      'not_found',
    );
  });
});

describe('API keys', () => {
  it('are stored hashed: the database never holds the key', () => {
    const database = db();
    const { key, id } = createApiKeyStore(database).create({ name: 'mastodon', perMinute: 120 });
    const row = database.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as Record<string, unknown>;
    expect(JSON.stringify(row)).not.toContain(key);
    expect(Buffer.isBuffer(row.key_hash)).toBe(true);
  });

  it('are found by key, listed by name, and revoked by name or id', () => {
    const store = createApiKeyStore(db(), () => Date.UTC(2026, 11, 4));
    const a = store.create({ name: 'mastodon', perMinute: 120 });
    const b = store.create({ name: 'weblate', perMinute: 0 });
    expect(store.find(a.key)).toEqual({
      id: a.id,
      name: 'mastodon',
      perMinute: 120,
      createdAt: '2026-12-04T00:00:00.000Z',
    });
    expect(store.find('nope')).toBeUndefined();
    expect(store.list().map((k) => k.name)).toEqual(['mastodon', 'weblate']);
    store.revoke(b.id);
    store.revoke('mastodon');
    expect(store.find(a.key)).toBeUndefined();
    expect(store.list()).toEqual([]);
  });

  it('parse rates per minute or per second, and nothing else', () => {
    expect(parseRate('120/min')).toBe(120);
    expect(parseRate('2/s')).toBe(120);
    expect(parseRate('0/min')).toBe(0);
    for (const bad of ['fast', '120', '1/hour', '-1/min']) expect(() => parseRate(bad)).toThrow(/rate/);
  });
});
