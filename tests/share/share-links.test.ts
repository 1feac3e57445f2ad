import { beforeAll, describe, expect, it } from 'vitest';

import { shareRequest, type Share, type ShareRequest } from '@/lib/schemas/share';
import {
  excerpt,
  parseMyShares,
  requestedLanguage,
  sharePath,
  sharePreview,
  shareTitle,
} from '@/lib/share-links';
import { readArticle } from '../support/fixture-models';
import { seedShareRequest } from '../support/share-request';

let request: ShareRequest;
let share: Share;
beforeAll(async () => {
  request = shareRequest.parse(await seedShareRequest());
  // What the store returns, minus the columns it adds; the sentences are one per translated segment.
  share = {
    id: 'AAAAAAAAAAAAAAAAAAAAAA',
    title: shareTitle(request.source.text),
    source: request.source,
    summary: request.summary,
    translations: request.translations,
    options: request.options,
    sentences: request.translations.ru!.segments!.map((s, i) => ({ text: s.source, paragraph: i })),
    createdAt: new Date(0).toISOString(),
    expiresAt: null,
  };
});

describe('shareTitle', () => {
  it('is the first line of the article without its boilerplate, as the server titles a share', () => {
    expect(shareTitle(readArticle('en-sana-lavrov.txt'))).toBe(
      'Lavrov: Russia isn’t’ conducting any secret negotiations about Syria',
    );
  });
});

describe('sharePath', () => {
  it('is locale-less, with the language as a query', () => {
    expect(sharePath('abc_DEF-123')).toBe('/s/abc_DEF-123');
    expect(sharePath('abc', 'zh-Hans')).toBe('/s/abc?lang=zh-Hans');
  });
});

describe('requestedLanguage', () => {
  it('accepts only a language the share was translated into', () => {
    expect(requestedLanguage(share, 'hi')).toBe('hi');
    expect(requestedLanguage(share, 'ar')).toBeUndefined();
    expect(requestedLanguage(share, ['hi', 'ru'])).toBeUndefined();
    expect(requestedLanguage(share, undefined)).toBeUndefined();
    // Not a property of every object: a query cannot pick an inherited key.
    expect(requestedLanguage(share, 'constructor')).toBeUndefined();
  });
});

describe('sharePreview', () => {
  it('is the original title and summary without a language', () => {
    const preview = sharePreview(share);
    expect(preview.language).toBe('en');
    expect(preview.title).toBe(share.title);
    expect(preview.summary).toContain(share.summary.sentences[0]!.text);
    expect(preview.summary).not.toContain('•');
  });

  it('is in the chosen language, title included when the article was translated', () => {
    const preview = sharePreview(share, 'hi');
    expect(preview.language).toBe('hi');
    expect(preview.title).toMatch(/\p{Script=Devanagari}{3}/u);
    expect(preview.summary).toMatch(/\p{Script=Devanagari}{3}/u);
    expect(preview.summary).not.toMatch(/\p{Script=Latin}{4}/u);
  });

  it('keeps the original title when only the summary was translated', () => {
    const summaryOnly = {
      ...share,
      translations: { ru: { models: [], summary: share.translations.ru!.summary } },
    };
    const preview = sharePreview(summaryOnly, 'ru');
    expect(preview.title).toBe(share.title);
    expect(preview.summary).toMatch(/\p{Script=Cyrillic}{3}/u);
  });
});

describe('excerpt', () => {
  it('leaves short text alone', () => {
    expect(excerpt('  Short enough. ', 20)).toBe('Short enough.');
  });

  it('cuts long text at a word boundary, with an ellipsis, within the limit', () => {
    const cut = excerpt('The quick brown fox jumps over the lazy dog', 20);
    expect(cut).toBe('The quick brown fox…');
    expect(Array.from(cut).length).toBeLessThanOrEqual(20);
  });

  it('cuts text without spaces between characters, never inside one', () => {
    const cut = excerpt('俄罗斯外交部长拉夫罗夫表示俄罗斯没有就叙利亚问题进行任何秘密谈判😀😀😀', 10);
    expect(cut).toBe('俄罗斯外交部长拉夫…');
    expect(excerpt('😀'.repeat(12), 5)).toBe('😀😀😀😀…');
  });
});

describe('parseMyShares', () => {
  const entry = {
    id: 'x',
    title: 'T',
    token: 'secret',
    url: 'http://127.0.0.1/s/x',
    createdAt: '2025-01-01T00:00:00.000Z',
    expiresAt: null,
  };

  it('keeps good entries and drops only the ones that do not parse', () => {
    expect(parseMyShares([entry, { id: 'y' }, 42, { ...entry, id: 'z' }])).toEqual([
      entry,
      { ...entry, id: 'z' },
    ]);
  });

  it('starts over from anything that is not a list', () => {
    expect(parseMyShares({ id: 'x' })).toEqual([]);
    expect(parseMyShares(null)).toEqual([]);
  });
});
