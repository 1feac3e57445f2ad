import { UNDETERMINED, type LanguageCode } from '@/lib/langs';
import { CANDIDATES, ELD_CHINESE, FRANC_CODES, KEY_OF_FRANC } from './candidates';
import { chineseScriptShares } from './chinese-script';
import { eldEvidence } from './eld-evidence';
import { francEvidence } from './franc-evidence';

export interface Detection {
  language: LanguageCode | typeof UNDETERMINED;
  /** How likely `language` is right, 0..1. Always 0 for `und`, which claims nothing: see `alternatives`. */
  confidence: number;
  /** Other languages from our table worth offering, most likely first. */
  alternatives: { language: LanguageCode; confidence: number }[];
}

/*
 * How languages are told apart, and how sure we are.
 *
 * Two n-gram detectors vote. eld (byte 4-grams, 60 languages) names a short sentence well, where franc's
 * trigrams run out of evidence; but it barely tells Hindi from Marathi, where franc's trigrams are sure. Each turns its scores into log-evidence that grows
 * with the text (see eld-evidence.ts, franc-evidence.ts); adding the two is a product of experts, and a
 * softmax over the sums gives shares that add up to 1.
 *
 * The temperatures were set on tests/detect, and `npm run bench -- detect` measures them: of the answers
 * on every prefix (in steps of five characters) of its short sentences, passages and articles, 1,489 in
 * all, every one was right, 50 of them given with a share under 0.9; on 90 short sentences of 5–10 words
 * none was left undetermined. Shares err on the modest side.
 */
const ELD_TEMPERATURE = 75;
const FRANC_TEMPERATURE = 8;

/** Fewer letters than this is too little to name a language, whatever the scores say. */
const MIN_LETTERS = 20;
/** A Han, kana or Hangul character says about as much as a Latin syllable or two. */
const WIDE_LETTER_WEIGHT = 3;
/** Below this share the top two are too close to call. */
const MIN_SHARE = 0.7;

const MAX_ALTERNATIVES = 3;
const MIN_ALTERNATIVE_CONFIDENCE = 0.01;

/** Detection reads this many characters: more adds time, not certainty. */
const SAMPLE_LENGTH = 2048;

const LETTER = /[\p{L}\p{M}]/gu;
const WIDE_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

function letterWeight(sample: string): number {
  const letters = sample.match(LETTER)?.length ?? 0;
  const wide = sample.match(WIDE_LETTER)?.length ?? 0;
  return letters + (WIDE_LETTER_WEIGHT - 1) * wide;
}

interface Ranked {
  /** null: a language outside our table. */
  language: LanguageCode | null;
  share: number;
}

function rankCandidates(sample: string): Ranked[] {
  const eld = eldEvidence(sample, ELD_TEMPERATURE);
  const franc = new Map(
    [...francEvidence(sample, FRANC_CODES, FRANC_TEMPERATURE)].map(([code, evidence]) => [
      KEY_OF_FRANC.get(code) ?? code,
      evidence,
    ]),
  );
  // A language one detector did not score (it lacks a model, or the text is in another script) counts as
  // that detector's least likely; one that scored nothing at all leaves the call to the other.
  const eldWorst = Math.min(0, ...eld.values());
  const francWorst = Math.min(0, ...franc.values());
  const weights = [...new Set([...eld.keys(), ...franc.keys()])].flatMap((key) => {
    const candidate = CANDIDATES[key];
    if (!candidate) return [];
    const evidence = (eld.get(key) ?? eldWorst) + (franc.get(key) ?? francWorst);
    return [{ key, language: candidate.language, weight: Math.exp(evidence) }];
  });
  const total = weights.reduce((sum, { weight }) => sum + weight, 0);

  return weights
    .flatMap(({ key, language, weight }): Ranked[] => {
      const share = weight / total;
      if (key === ELD_CHINESE) {
        const { hans, hant } = chineseScriptShares(sample);
        return [
          { language: 'zh-Hans', share: share * hans },
          { language: 'zh-Hant', share: share * hant },
        ];
      }
      return [{ language: language ?? null, share }];
    })
    .sort((a, b) => b.share - a.share);
}

/**
 * Detects which of our languages `text` is written in, or `und` when the text is too short, too
 * ambiguous, or in a language outside our table. Never throws.
 */
export function detectLanguage(text: string): Detection {
  const sample = text.slice(0, SAMPLE_LENGTH);
  const candidates = rankCandidates(sample);

  const [best] = candidates;
  const language =
    best && letterWeight(sample) >= MIN_LETTERS && best.share >= MIN_SHARE ? best.language : null;

  const alternatives = candidates
    .flatMap(({ language: other, share }) =>
      other && other !== language ? [{ language: other, confidence: share }] : [],
    )
    .filter(({ confidence }) => confidence >= MIN_ALTERNATIVE_CONFIDENCE)
    .slice(0, MAX_ALTERNATIVES);

  if (!best || !language) return { language: UNDETERMINED, confidence: 0, alternatives };
  return { language, confidence: best.share, alternatives };
}
