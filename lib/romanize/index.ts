/**
 * Chinese, Hindi, Russian and Ukrainian text in Latin letters: word by word (for showing over each word) and
 * as a line. Shared by the browser (loaded when a reader turns "Pronunciation" on: the libraries carry
 * dictionaries) and the server (the API's `romanize`).
 */
import { BitextError } from '@/lib/errors';
import { sentencesOf } from '@/lib/pipeline/document';
import { normalizeText } from '@/lib/text/normalize';
import { chineseTokens } from './chinese';
import { cyrillicTokens } from './cyrillic';
import { hindiTokens } from './hindi';
import { isRomanized, type RomanizedLanguage } from './languages';
import type { RomanToken } from './tokens';

export type { RomanToken } from './tokens';

export function romanizeTokens(text: string, language: RomanizedLanguage): RomanToken[] {
  switch (language) {
    case 'zh-Hans':
    case 'zh-Hant':
      return chineseTokens(text, language);
    case 'hi':
      return hindiTokens(text);
    case 'ru':
    case 'uk':
      return cyrillicTokens(text, language);
    default:
      return language satisfies never;
  }
}

// Chinese and Hindi punctuation as Latin text writes it.
const PUNCTUATION: Record<string, string> = {
  '，': ', ',
  '、': ', ',
  '。': '. ',
  '！': '! ',
  '？': '? ',
  '：': ': ',
  '；': '; ',
  '（': ' (',
  '）': ') ',
  '“': ' "',
  '”': '" ',
  '‘': " '",
  '’': "' ",
  '《': ' "',
  '》': '" ',
  '「': ' "',
  '」': '" ',
  '।': '. ',
  '॥': '. ',
};

/** The tokens as one line of Latin text: words apart (Chinese has no spaces to keep), punctuation Latin. */
export function latinLine(tokens: readonly RomanToken[]): string {
  let line = '';
  for (const token of tokens) {
    if (token.latin === undefined) {
      line += token.text.replace(/[，、。！？：；（）“”‘’《》「」।॥]/g, (mark) => PUNCTUATION[mark] ?? mark);
    } else {
      if (line !== '' && !/[\s(“"'‘-]$/.test(line)) line += ' ';
      line += token.latin;
    }
  }
  return line
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.!?:;)])/g, '$1')
    .trim();
}

export function romanize(text: string, language: RomanizedLanguage): string {
  return latinLine(romanizeTokens(text, language));
}

/** The text's sentences, each with its Latin form: what `POST /api/v1/romanize` answers. */
export function romanizeSegments(text: string, language: string): { text: string; latin: string }[] {
  if (!isRomanized(language)) {
    throw new BitextError('unsupported_language', `Bitext does not romanise ${language}.`, { language });
  }
  return sentencesOf(normalizeText(text), language).map((s) => ({
    text: s.text,
    latin: romanize(s.text, language),
  }));
}
