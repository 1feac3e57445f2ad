import { readFileSync } from 'node:fs';

import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { routing } from '@/i18n/routing';
import { LIMITS } from '@/lib/limits';
import { articleText } from '@/lib/schemas/api';
import { articleLength, isArticleText } from '@/lib/schemas/rules';

const messages = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as {
    ArticleInput: Record<string, string>;
  };

describe('the article counter', () => {
  it('counts as the API does: code points, so an emoji is one character', () => {
    const text = 'a'.repeat(LIMITS.articleChars - 1) + '😀';
    expect(articleLength(text)).toBe(LIMITS.articleChars);
    expect(isArticleText(text)).toBe(true);
    expect(articleText.safeParse(text).success).toBe(true);
    const over = text + '😀';
    expect(articleLength(over)).toBe(LIMITS.articleChars + 1);
    expect(isArticleText(over)).toBe(false);
  });

  it('says "1 character", not "1 characters"', () => {
    const t = createTranslator({ locale: 'en', messages: messages('en'), namespace: 'ArticleInput' });
    expect(t('tooLong', { over: 1 })).toMatch(/^1 character over/);
    expect(t('tooLong', { over: 2 })).toMatch(/^2 characters over/);
    expect(t('count', { count: 1, limit: 1 })).toBe('1 / 1 character');
  });

  it.each(routing.locales)('uses ICU plurals for every count in %s', (locale) => {
    const { count, tooLong } = messages(locale).ArticleInput;
    expect(count).toMatch(/\{limit, plural,/);
    expect(tooLong).toMatch(/\{over, plural,/);
  });
});
