/**
 * The language table: every language Bitext can detect, summarise or translate.
 * Codes are BCP-47; Chinese is split by script because the models and readers are.
 */
export type TextDirection = 'ltr' | 'rtl';

export interface Language {
  code: string;
  /** English name. */
  name: string;
  /** The language's name for itself. */
  nativeName: string;
  /** ISO 15924 script code. */
  script: string;
  dir: TextDirection;
  /** FLORES-200 code, as NLLB names the language. */
  flores: string;
}

export const LANGUAGES = [
  { code: 'en', name: 'English', nativeName: 'English', script: 'Latn', dir: 'ltr', flores: 'eng_Latn' },
  { code: 'ru', name: 'Russian', nativeName: 'Русский', script: 'Cyrl', dir: 'ltr', flores: 'rus_Cyrl' },
  {
    code: 'zh-Hans',
    name: 'Chinese (Simplified)',
    nativeName: '简体中文',
    script: 'Hans',
    dir: 'ltr',
    flores: 'zho_Hans',
  },
  {
    code: 'zh-Hant',
    name: 'Chinese (Traditional)',
    nativeName: '繁體中文',
    script: 'Hant',
    dir: 'ltr',
    flores: 'zho_Hant',
  },
  { code: 'hi', name: 'Hindi', nativeName: 'हिन्दी', script: 'Deva', dir: 'ltr', flores: 'hin_Deva' },
  { code: 'de', name: 'German', nativeName: 'Deutsch', script: 'Latn', dir: 'ltr', flores: 'deu_Latn' },
  { code: 'fr', name: 'French', nativeName: 'Français', script: 'Latn', dir: 'ltr', flores: 'fra_Latn' },
  { code: 'es', name: 'Spanish', nativeName: 'Español', script: 'Latn', dir: 'ltr', flores: 'spa_Latn' },
  { code: 'it', name: 'Italian', nativeName: 'Italiano', script: 'Latn', dir: 'ltr', flores: 'ita_Latn' },
  { code: 'pt', name: 'Portuguese', nativeName: 'Português', script: 'Latn', dir: 'ltr', flores: 'por_Latn' },
  { code: 'uk', name: 'Ukrainian', nativeName: 'Українська', script: 'Cyrl', dir: 'ltr', flores: 'ukr_Cyrl' },
  { code: 'ar', name: 'Arabic', nativeName: 'العربية', script: 'Arab', dir: 'rtl', flores: 'arb_Arab' },
  { code: 'ja', name: 'Japanese', nativeName: '日本語', script: 'Jpan', dir: 'ltr', flores: 'jpn_Jpan' },
  { code: 'ko', name: 'Korean', nativeName: '한국어', script: 'Kore', dir: 'ltr', flores: 'kor_Hang' },
  { code: 'tr', name: 'Turkish', nativeName: 'Türkçe', script: 'Latn', dir: 'ltr', flores: 'tur_Latn' },
] as const satisfies readonly Language[];

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/** Detection's answer when it cannot tell. */
export const UNDETERMINED = 'und';

const byCode = new Map<string, Language>(LANGUAGES.map((l) => [l.code, l]));

export function isLanguageCode(code: string): code is LanguageCode {
  return byCode.has(code);
}

export function getLanguage(code: string): Language | undefined {
  return byCode.get(code);
}

/**
 * The language's base subtag for Intl APIs and stop-word lists ("zh-Hans" → "zh").
 */
export function baseLanguage(code: string): string {
  return code.split('-')[0] ?? code;
}
