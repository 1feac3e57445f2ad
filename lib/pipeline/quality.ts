/**
 * Checks a person would make of a translated sentence without reading the language: is there anything,
 * is it in the target's script, does it loop, is its length sane for its source. Pure functions over text,
 * shared by translation (a doubtful sentence is retried, then flagged) and `models:verify`.
 *
 * - `doubtAbout(source, target, languages)`: the first reason a translation is doubtful, or undefined.
 * - `targetScriptShare(text, language)`: the share of letters written in the language's script.
 * - `repeatedNgram(text)`: the n-gram a looping text repeats, or undefined.
 * - `lengthRatio(source, target, languages)`: target length over source length, in English-equivalent
 *   characters (so Chinese's denser writing is not "too short").
 */
import { getLanguage } from '@/lib/langs';
import { getSegmenter } from '@/lib/text/segment';

export const DOUBT_REASONS = ['empty', 'wrong_script', 'repetition', 'too_long', 'too_short'] as const;
export type DoubtReason = (typeof DOUBT_REASONS)[number];

export interface LanguagePair {
  source: string;
  target: string;
}

/** ISO 15924 codes of the language table → the Unicode scripts their text is written in. */
const UNICODE_SCRIPTS: Record<string, readonly string[]> = {
  Latn: ['Latin'],
  Cyrl: ['Cyrillic'],
  Hans: ['Han'],
  Hant: ['Han'],
  Deva: ['Devanagari'],
  Arab: ['Arabic'],
  Jpan: ['Han', 'Hiragana', 'Katakana'],
  Kore: ['Hangul', 'Han'],
};

/** Below this share of letters in the target's script, a translation is in the wrong script. Names and
 * acronyms kept in Latin (ISIS, UN) stay well above it in any real sentence. */
export const MIN_SCRIPT_SHARE = 0.5;

/**
 * Characters per English character, roughly, as news in each script runs: Chinese says in one character
 * what English needs three for. Scripts not listed write about as many as English.
 */
const DENSITY: Record<string, number> = { Hans: 0.33, Hant: 0.33, Jpan: 0.45, Kore: 0.5 };

/** Normalised length ratios outside these are far too short or long; below MIN_RATIO_CHARS, not judged. */
export const LENGTH_BOUNDS = { min: 1 / 3, max: 1.8 } as const;
const MIN_RATIO_CHARS = 24;

/** A unit written this many times in a row (or more) is a loop: "the talks the talks the talks the talks". */
export const LOOP_REPEATS = 4;
/** Longest loop unit looked for, in words (or characters, for a run of one "word" such as "жжжжжж"). */
const MAX_LOOP_WORDS = 6;
const MAX_LOOP_CHARS = 8;

// A unit that starts with a letter, written back to back: "жжжжжж", "ХаХаХаХа" (not "....").
const CHARACTER_LOOP = new RegExp(`(\\p{L}[^]{0,${MAX_LOOP_CHARS - 1}}?)\\1{${LOOP_REPEATS - 1},}`, 'u');

const letters = (text: string) => text.match(/\p{L}/gu) ?? [];

export function targetScriptShare(text: string, language: string): number {
  const scripts = UNICODE_SCRIPTS[getLanguage(language)?.script ?? ''];
  const all = letters(text);
  if (!scripts || all.length === 0) return 1;
  const inScript = new RegExp(scripts.map((s) => `\\p{Script=${s}}`).join('|'), 'u');
  return all.filter((letter) => inScript.test(letter)).length / all.length;
}

function density(language: string): number {
  return DENSITY[getLanguage(language)?.script ?? ''] ?? 1;
}

export function lengthRatio(
  source: string,
  target: string,
  { source: from, target: to }: LanguagePair,
): number {
  const length = (text: string, language: string) => [...text.trim()].length / density(language);
  return length(target, to) / length(source, from);
}

/** The shortest unit written LOOP_REPEATS times in a row: words first, then characters inside one word. */
export function repeatedNgram(text: string, language = 'en'): string | undefined {
  const words = [...getSegmenter(language, 'word').segment(text)]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment.toLowerCase());
  for (let n = 1; n <= MAX_LOOP_WORDS; n++) {
    for (let start = 0; start + n * LOOP_REPEATS <= words.length; start++) {
      const unit = words.slice(start, start + n);
      const repeats = (k: number) => unit.every((word, j) => words[start + k * n + j] === word);
      if (Array.from({ length: LOOP_REPEATS }, (_, k) => k).every(repeats)) return unit.join(' ');
    }
  }
  return CHARACTER_LOOP.exec(text)?.[1];
}

/** Why `target` is a doubtful translation of `source`, checked in DOUBT_REASONS order; undefined if none. */
export function doubtAbout(source: string, target: string, languages: LanguagePair): DoubtReason | undefined {
  const hasContent = /[\p{L}\p{N}]/u;
  if (!hasContent.test(source)) return undefined;
  if (!hasContent.test(target)) return 'empty';
  if (targetScriptShare(target, languages.target) < MIN_SCRIPT_SHARE) return 'wrong_script';
  // A loop the source has too ("no, no, no, no") is a faithful one.
  const loops = (text: string, language: string) => repeatedNgram(text, language) !== undefined;
  if (loops(target, languages.target) && !loops(source, languages.source)) return 'repetition';
  if ([...source.trim()].length < MIN_RATIO_CHARS) return undefined;
  const ratio = lengthRatio(source, target, languages);
  if (ratio >= LENGTH_BOUNDS.max) return 'too_long';
  if (ratio < LENGTH_BOUNDS.min) return 'too_short';
  return undefined;
}
