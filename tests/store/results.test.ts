import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DigestRequest, DigestResult } from '@/lib/pipeline/digest';
import { openDatabase } from '@/lib/store/db';
import { createResultCache, digestCacheKey } from '@/lib/store/results';
import { readArticle } from '../support/fixture-models';

const seed = readArticle('en-sana-lavrov.txt');

const request: DigestRequest = {
  text: seed,
  targets: ['ru', 'zh-Hans', 'hi'],
  summary: { mode: 'extractive', type: 'key-points', length: 'medium' },
  translate: 'summary',
};

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

function tempDatabaseFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'bitext-cache-')), 'bitext.db');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('result cache', () => {
  it('returns what was stored, also after the database is reopened', () => {
    const file = tempDatabaseFile();
    const db = openDatabase(file);
    createResultCache(db).put('k1', result);
    expect(createResultCache(db).get('k1')).toEqual(result);
    expect(createResultCache(db).get('k2')).toBeUndefined();
    db.close();

    const reopened = openDatabase(file);
    expect(createResultCache(reopened).get('k1')).toEqual(result);
    reopened.close();
  });

  it('answers a stored row that is not a digest result (a bug, a hand edit) as a miss, not as a result', () => {
    const db = openDatabase(tempDatabaseFile());
    const cache = createResultCache(db);
    cache.put('k1', result);
    db.prepare('UPDATE digest_results SET result = ?').run(JSON.stringify({ language: 'en', summary: 'x' }));
    expect(cache.get('k1')).toBeUndefined();
    db.close();
  });

  it('does not keep a result in which a language failed (its model may be pulled later)', () => {
    const cache = createResultCache(openDatabase(tempDatabaseFile()));
    const failed: DigestResult = {
      ...result,
      translations: {
        ...result.translations,
        ar: { models: [], error: { code: 'model_unavailable', message: 'Model missing' } },
      },
    };
    cache.put('k', failed);
    expect(cache.get('k')).toBeUndefined();
  });

  it('drops the least recently used results beyond its size budget', async () => {
    // Room for two results, not three.
    const size = Buffer.byteLength(JSON.stringify(result));
    const cache = createResultCache(openDatabase(tempDatabaseFile()), { maxBytes: size * 2.5 });
    cache.put('a', result);
    await sleep(5);
    cache.put('b', result);
    await sleep(5);
    cache.get('a');
    await sleep(5);
    cache.put('c', result);
    expect(cache.get('a')).toEqual(result);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toEqual(result);
  });
});

describe('digestCacheKey', () => {
  const key = (changes: Partial<DigestRequest>, profile: 'fixtures' | 'default' = 'fixtures') =>
    digestCacheKey({ ...request, ...changes }, profile);

  it('is a SHA-256 hex digest, the same for the same request', () => {
    expect(key({})).toMatch(/^[0-9a-f]{64}$/);
    expect(key({})).toBe(key({}));
  });

  it('ignores whitespace that normalising removes', () => {
    const messy = `\uFEFF  ${seed.replaceAll('\n', '\r\n').replaceAll('. ', '.   ')}\n\n\n\n`;
    expect(messy).not.toBe(seed);
    expect(key({ text: messy })).toBe(key({}));
  });

  it.each<[string, Partial<DigestRequest>]>([
    ['text', { text: seed.replace('Lavrov', 'Lavrov himself') }],
    ['source given instead of detected', { source: 'en' }],
    ['targets', { targets: ['ru', 'hi'] }],
    ['target order', { targets: ['hi', 'zh-Hans', 'ru'] }],
    ['summary mode', { summary: { ...request.summary, mode: 'abstractive' } }],
    ['summary type', { summary: { ...request.summary, type: 'tldr' } }],
    ['summary length', { summary: { ...request.summary, length: 'long' } }],
    ['translate scope', { translate: 'both' }],
  ])('changes with the %s', (_, changes) => {
    expect(key(changes)).not.toBe(key({}));
  });

  it('changes with the models the registry picks, for the same request', () => {
    expect(key({}, 'default')).not.toBe(key({}, 'fixtures'));
  });

  it('is undefined when the language cannot be told (that run fails, and failures are not cached)', () => {
    expect(key({ text: 'Moscow, SANA.' })).toBeUndefined();
    expect(key({ text: 'Moscow, SANA.', source: 'en' })).toMatch(/^[0-9a-f]{64}$/);
  });
});
