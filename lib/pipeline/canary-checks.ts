/**
 * The checks a person makes on a model's output before trusting it: is it in the target's script, does it
 * loop, is it about as long as its source should make it, is a summary shorter than what it summarises.
 * Pure functions over text; `npm run models:verify` runs them on canary sentences.
 */
import { getLanguage, type LanguageCode } from '@/lib/langs';

export interface CanaryCheck {
  name: 'script' | 'repetition' | 'length' | 'shorter' | 'empty';
  ok: boolean;
  /** What was measured, for the table ("script 0.98", "ratio 3.4"). */
  detail: string;
}

/** The Unicode scripts a language's text is written in (ISO 15924 code in lib/langs → Script property). */
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

/** Scripts written without spaces between words: loops are looked for in characters, not words. */
const UNSPACED = new Set(['Hans', 'Hant', 'Jpan']);
/** Scripts whose characters carry a syllable or word: text is far shorter than in an alphabet. */
const DENSE = new Set(['Hans', 'Hant', 'Jpan', 'Kore']);

function scriptOf(language: LanguageCode): string {
  const entry = getLanguage(language);
  if (!entry) throw new Error(`Unknown language ${language}`);
  return entry.script;
}

/** Share of the letters in `text` that belong to `language`'s script (0 when there are no letters). */
export function scriptShare(text: string, language: LanguageCode): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  const scripts = UNICODE_SCRIPTS[scriptOf(language)] ?? [];
  const pattern = new RegExp(`^(?:${scripts.map((s) => `\\p{Script=${s}}`).join('|')})$`, 'u');
  return letters.filter((letter) => pattern.test(letter)).length / letters.length;
}

/**
 * The longest run of one n-gram repeated back to back ("the talks the talks the talks"), in words, or
 * characters for scripts without spaces; undefined when none repeats often enough to be a loop: four
 * times for a single word or character, three for longer n-grams (up to 8).
 */
export function repeatedRun(
  text: string,
  language: LanguageCode,
): { ngram: string; times: number } | undefined {
  const unspaced = UNSPACED.has(scriptOf(language));
  const tokens = unspaced
    ? [...text.replace(/\s+/g, '')]
    : text
        .toLowerCase()
        .split(/\s+/)
        .map((word) => word.replace(/^\p{P}+|\p{P}+$/gu, ''))
        .filter(Boolean);
  let worst: { ngram: string; times: number } | undefined;
  for (let n = 1; n <= 8; n++) {
    const needed = n === 1 ? 4 : 3;
    for (let start = 0; start + n * needed <= tokens.length; start++) {
      let times = 1;
      while (sameNgram(tokens, start, start + times * n, n)) times++;
      if (times >= needed && (!worst || times * n > worst.times * worst.ngram.length)) {
        worst = { ngram: tokens.slice(start, start + n).join(unspaced ? '' : ' '), times };
      }
    }
  }
  return worst;
}

function sameNgram(tokens: readonly string[], a: number, b: number, n: number): boolean {
  if (b + n > tokens.length) return false;
  for (let i = 0; i < n; i++) if (tokens[a + i] !== tokens[b + i]) return false;
  return true;
}

/**
 * Sane output ÷ source length, in characters, for a pair: about 1 between alphabets (German runs longer,
 * Hindi shorter), far less into a dense script such as Chinese, far more out of one.
 */
export function lengthRatioBounds(source: LanguageCode, target: LanguageCode): [number, number] {
  const [from, to] = [DENSE.has(scriptOf(source)), DENSE.has(scriptOf(target))];
  if (to && !from) return [0.15, 1.2];
  if (from && !to) return [0.8, 6];
  return [0.5, 2];
}

/** In its script and not looping: what every output must be. */
function textChecks(text: string, language: LanguageCode): CanaryCheck[] {
  const share = scriptShare(text, language);
  const run = repeatedRun(text, language);
  return [
    { name: 'script', ok: share >= 0.7, detail: `script ${share.toFixed(2)}` },
    { name: 'repetition', ok: !run, detail: run ? `"${run.ngram}" ×${run.times}` : 'no loop' },
  ];
}

/** The checks on one translation of one canary text. */
export function checkTranslation(
  input: string,
  output: string,
  languages: { source: LanguageCode; target: LanguageCode },
): CanaryCheck[] {
  if (!output.trim()) return [{ name: 'empty', ok: false, detail: 'empty output' }];
  const ratio = output.length / input.length;
  const [low, high] = lengthRatioBounds(languages.source, languages.target);
  return [
    ...textChecks(output, languages.target),
    { name: 'length', ok: ratio >= low && ratio <= high, detail: `ratio ${ratio.toFixed(2)}` },
  ];
}

/** The checks on a summary of `input` (both in `language`). */
export function checkSummary(input: string, summary: string, language: LanguageCode): CanaryCheck[] {
  if (!summary.trim()) return [{ name: 'empty', ok: false, detail: 'empty summary' }];
  const ratio = summary.length / input.length;
  return [
    ...textChecks(summary, language),
    { name: 'shorter', ok: ratio < 1, detail: `ratio ${ratio.toFixed(2)}` },
  ];
}
