import { describe, expect, it } from 'vitest';
import type { DigestRequest } from '@/lib/pipeline/digest';
import { digestCacheKey } from '@/lib/store/results';
import { readArticle } from '../support/fixture-models';

const seed = readArticle('en-sana-lavrov.txt');

const request: DigestRequest = {
  text: seed,
  targets: ['ru', 'zh-Hans', 'hi'],
  summary: { mode: 'extractive', type: 'key-points', length: 'medium' },
  translate: 'summary',
};

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
