/**
 * The texts detection is measured on, shared by tests/detect/accuracy.test.ts (which holds the targets) and
 * `npm run bench -- detect` (which sets candidate libraries against each other on them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { LanguageCode } from '@/lib/langs';
import { NEWS_SAMPLES } from './news-samples';
import { SHORT_SENTENCES } from './short-sentences';

export interface DetectionCase {
  language: LanguageCode;
  text: string;
}

function casesOf(samples: Record<LanguageCode, readonly string[]>): DetectionCase[] {
  return Object.entries(samples).flatMap(([language, texts]) =>
    texts.map((text) => ({ language: language as LanguageCode, text })),
  );
}

const ARTICLES_DIR = new URL('../fixtures/articles/', import.meta.url);
/** The article files are named by language; the Chinese one is in Simplified characters. */
const ARTICLE_LANGUAGE: Record<string, LanguageCode> = { en: 'en', hi: 'hi', ru: 'ru', zh: 'zh-Hans' };

function articleCases(): DetectionCase[] {
  return readdirSync(ARTICLES_DIR).map((file) => {
    const language = ARTICLE_LANGUAGE[file.split('-')[0] ?? ''];
    if (!language) throw new Error(`tests/fixtures/articles/${file}: no language for its name`);
    return { language, text: readFileSync(new URL(file, ARTICLES_DIR), 'utf8') };
  });
}

/** One sentence of 5–10 words: a headline or a post. */
export const SHORT_CASES: readonly DetectionCase[] = casesOf(SHORT_SENTENCES);

/** Passages of one to three sentences and whole articles. */
export const LONG_CASES: readonly DetectionCase[] = [...casesOf(NEWS_SAMPLES), ...articleCases()];
