import type { LanguageCode } from '@/lib/langs';

/**
 * The languages the detectors can answer, by eld's ISO 639-1 code: ours, and the rest of eld's 60, which
 * must stay in the running or Dutch comes out as confident German and Persian as Arabic (we then report
 * them as undetermined). Chinese is one code in both detectors; we split it by script ourselves.
 */
interface Candidate {
  /** Ours, or undefined for a language outside our table. */
  language?: LanguageCode;
  /**
   * franc's ISO 639-3 code, where franc knows the language: by trigrams among the languages of a shared
   * script (Latin, Cyrillic, Arabic, Devanagari…), by the script alone for the rest (Korean, Greek, Thai…).
   */
  franc?: string;
}

export const ELD_CHINESE = 'zh';

export const CANDIDATES: Readonly<Record<string, Candidate>> = {
  en: { language: 'en', franc: 'eng' },
  ru: { language: 'ru', franc: 'rus' },
  uk: { language: 'uk', franc: 'ukr' },
  hi: { language: 'hi', franc: 'hin' },
  de: { language: 'de', franc: 'deu' },
  fr: { language: 'fr', franc: 'fra' },
  es: { language: 'es', franc: 'spa' },
  it: { language: 'it', franc: 'ita' },
  pt: { language: 'pt', franc: 'por' },
  tr: { language: 'tr', franc: 'tur' },
  ar: { language: 'ar', franc: 'arb' },
  ja: { language: 'ja', franc: 'jpn' },
  ko: { language: 'ko', franc: 'kor' },
  [ELD_CHINESE]: { franc: 'cmn' },
  // Latin script
  az: { franc: 'azj' },
  ca: { franc: 'cat' },
  cs: { franc: 'ces' },
  da: { franc: 'dan' },
  et: {},
  eu: {},
  fi: { franc: 'fin' },
  hr: { franc: 'hrv' },
  hu: { franc: 'hun' },
  is: {},
  lt: { franc: 'lit' },
  lv: { franc: 'lvs' },
  ms: { franc: 'zlm' },
  nl: { franc: 'nld' },
  no: { franc: 'nob' },
  pl: { franc: 'pol' },
  ro: { franc: 'ron' },
  sk: { franc: 'slk' },
  sl: { franc: 'slv' },
  sq: { franc: 'als' },
  sv: { franc: 'swe' },
  tl: { franc: 'tgl' },
  vi: { franc: 'vie' },
  yo: { franc: 'yor' },
  // Cyrillic
  be: { franc: 'bel' },
  bg: { franc: 'bul' },
  sr: { franc: 'srp' },
  // Arabic
  fa: { franc: 'pes' },
  ku: {},
  ur: { franc: 'urd' },
  // Devanagari
  mr: { franc: 'mar' },
  // Scripts of their own, or nearly
  am: { franc: 'amh' },
  bn: { franc: 'ben' },
  el: { franc: 'ell' },
  gu: { franc: 'guj' },
  he: { franc: 'heb' },
  hy: { franc: 'hye' },
  ka: { franc: 'kat' },
  kn: { franc: 'kan' },
  lo: { franc: 'lao' },
  ml: { franc: 'mal' },
  or: {},
  pa: { franc: 'pan' },
  ta: { franc: 'tam' },
  te: { franc: 'tel' },
  th: { franc: 'tha' },
};

/** Every language franc may answer, and our key for each. */
export const FRANC_CODES = Object.values(CANDIDATES).flatMap(({ franc }) => franc ?? []);
export const KEY_OF_FRANC: ReadonlyMap<string, string> = new Map(
  Object.entries(CANDIDATES).flatMap(([key, { franc }]) => (franc ? [[franc, key] as const] : [])),
);
