/**
 * Summary options and how a summary of each type and length looks, shared by the extractive and
 * abstractive summarisers and by translated summaries, so a summary reads the same in every language.
 * Model-free, so client code can import it.
 */
import { joinSentences } from '@/lib/text/chunk';
import type { DoubtReason } from '@/lib/pipeline/quality';

export const SUMMARY_MODES = ['extractive', 'abstractive'] as const;
export type SummaryMode = (typeof SUMMARY_MODES)[number];
export const SUMMARY_TYPES = ['key-points', 'tldr', 'headline'] as const;
export const SUMMARY_LENGTHS = ['short', 'medium', 'long'] as const;
export type SummaryType = (typeof SUMMARY_TYPES)[number];
export type SummaryLength = (typeof SUMMARY_LENGTHS)[number];

export interface SummarySentence {
  text: string;
  /** Indices of the source sentences it came from (empty for abstractive sentences). */
  sources: number[];
  /** A translated summary's sentence the checks doubt, and why (lib/pipeline/quality.ts). */
  doubtful?: DoubtReason;
}

export interface Summary {
  text: string;
  sentences: SummarySentence[];
}

/**
 * Each length as a share of the article's sentences, within a floor and a ceiling (in sentences). A fixed
 * count made Medium 57% of the seed and Long 84%, which is no summary. Measured with
 * `npm run bench -- summary` (summary/article in characters, per length, on the seed and on long articles).
 */
const LENGTHS: Record<SummaryLength, { share: number; min: number; max: number }> = {
  short: { share: 0.1, min: 1, max: 2 },
  medium: { share: 0.18, min: 2, max: 8 },
  long: { share: 0.3, min: 3, max: 15 },
};

/** How many sentences a summary of this type and length holds, of an article of `available` sentences. */
export function summarySentenceCount(type: SummaryType, length: SummaryLength, available: number): number {
  if (type === 'headline') return 1;
  const { share, min, max } = LENGTHS[length];
  return Math.min(available, Math.max(min, Math.min(max, Math.round(available * share))));
}

/**
 * Whether the article opens with a headline: a first sentence with no closing punctuation, more after it.
 * The headline is the article's title, not one of its points.
 */
export function opensWithHeadline(sentences: readonly string[]): boolean {
  const first = sentences[0]?.trim();
  return sentences.length > 1 && first !== undefined && first !== '' && !/[.!?…。！？।»”"')\]]$/u.test(first);
}

/** The summary's display text: bullets for key points, one paragraph otherwise. */
export function formatSummary(sentences: readonly string[], type: SummaryType): string {
  if (type === 'key-points') return sentences.map((s) => `• ${s}`).join('\n');
  return joinSentences(sentences);
}
