/**
 * Which languages Bitext can show in Latin letters, and by which scheme. Data only, free of the
 * transliteration libraries, so the UI can decide whether to offer "Pronunciation" without loading them.
 */
export const ROMANIZATION_SCHEMES = {
  'zh-Hans': 'pinyin',
  'zh-Hant': 'pinyin',
  hi: 'hindi-iast',
  ru: 'wikipedia',
  uk: 'kmu-2010',
} as const;

export type RomanizedLanguage = keyof typeof ROMANIZATION_SCHEMES;

export function isRomanized(language: string | undefined): language is RomanizedLanguage {
  return language !== undefined && Object.hasOwn(ROMANIZATION_SCHEMES, language);
}
