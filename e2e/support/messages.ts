import { readFileSync } from 'node:fs';

import { createTranslator } from 'next-intl';

import { languageName } from '../../components/workspace/language-names';
import { numberedCopies } from '../../scripts/bench/seed';
import { LANGUAGES } from '../../lib/langs';
import { routing, type UiLocale } from '../../i18n/routing';
import type en from '../../messages/en.json';

type Messages = typeof en;

// Read, not imported: Playwright loads this package's files as native ES modules, where a JSON import needs an
// import attribute that its TypeScript transform does not pass through.
export const MESSAGES = Object.fromEntries(
  routing.locales.map((locale) => [
    locale,
    JSON.parse(readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), 'utf8')) as Messages,
  ]),
) as Record<UiLocale, Messages>;

/** The UI's own translator, so tests find labels exactly as a reader in `locale` sees them. */
export function translator(locale: UiLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale] });
}

/** A language's name as the workspace shows it on /{locale} (the same CLDR data as the server). */
export function nameIn(locale: UiLocale, code: string): string {
  const english = LANGUAGES.find((l) => l.code === code)?.name ?? code;
  return languageName(code, locale, english);
}

/** The seed article, as "Try a sample" loads it. */
export const SEED_ARTICLE = readFileSync(
  new URL('../../tests/fixtures/articles/en-sana-lavrov.txt', import.meta.url),
  'utf8',
);

/** `copies` numbered copies of the seed article (see numberedCopies): a run still going when a test acts. */
export function longArticle(copies: number, label: string): string {
  return numberedCopies(SEED_ARTICLE, copies, label);
}

/** A run of at least three letters of `script`: the text is really written in it. */
export const SCRIPT_TEXT = {
  ru: /\p{Script=Cyrillic}{3,}/u,
  'zh-Hans': /\p{Script=Han}{3,}/u,
  hi: /\p{Script=Devanagari}{3,}/u,
} as const;
