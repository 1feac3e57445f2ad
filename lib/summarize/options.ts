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

const COUNTS: Record<SummaryType, Record<SummaryLength, number>> = {
  'key-points': { short: 3, medium: 5, long: 7 },
  tldr: { short: 2, medium: 3, long: 5 },
  headline: { short: 1, medium: 1, long: 1 },
};

/** How many sentences a summary of this type and length holds. */
export function summarySentenceCount(type: SummaryType, length: SummaryLength): number {
  return COUNTS[type][length];
}

/** The summary's display text: bullets for key points, one paragraph otherwise. */
export function formatSummary(sentences: readonly string[], type: SummaryType): string {
  if (type === 'key-points') return sentences.map((s) => `• ${s}`).join('\n');
  return joinSentences(sentences);
}
