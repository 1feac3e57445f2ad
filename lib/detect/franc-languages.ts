import type { LanguageCode } from '@/lib/langs';

/**
 * franc's ISO 639-3 codes for the languages in our table. Chinese is missing on purpose: franc has one
 * code for it (`cmn`) and we split it by script ourselves.
 */
export const FRANC_TO_LANGUAGE: Readonly<Record<string, LanguageCode>> = {
  eng: 'en',
  rus: 'ru',
  ukr: 'uk',
  hin: 'hi',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  tur: 'tr',
  arb: 'ar',
  jpn: 'ja',
  kor: 'ko',
};

export const FRANC_CHINESE = 'cmn';

/**
 * Widely written languages outside our table that share a script with one of ours. franc must be allowed
 * to answer them, or Dutch text comes out as confident German and Persian as Arabic; we then report them
 * as undetermined. The rest of franc's 180-odd languages are left out: dialects and small languages
 * (Scots, Venetian, Tok Pisin…) have models so close to English or Spanish that on a sentence or two
 * they win by a hair, which would turn ordinary news into "undetermined".
 */
export const FRANC_OTHER_LANGUAGES = [
  // Latin script
  'nld',
  'pol',
  'ces',
  'slk',
  'swe',
  'dan',
  'nob',
  'fin',
  'hun',
  'ron',
  'cat',
  'glg',
  'hrv',
  'srp',
  'ind',
  'zlm',
  'vie',
  'tgl',
  'swh',
  'azj',
  'uzn',
  // Cyrillic
  'bel',
  'bul',
  'mkd',
  'kaz',
  // Arabic
  'pes',
  'urd',
  // Devanagari
  'mar',
  'npi',
] as const;

/** Everything franc may answer; anything else (Greek, Thai, Hebrew…) comes back from franc as `und`. */
export const FRANC_CANDIDATES: readonly string[] = [
  ...Object.keys(FRANC_TO_LANGUAGE),
  FRANC_CHINESE,
  ...FRANC_OTHER_LANGUAGES,
];
