/**
 * Extractive summaries: the article's own most central sentences, picked by TextRank, in the order the
 * article gives them. No model, so it works in every language and instantly.
 */
import stopwordLists from 'stopwords-iso';
import { baseLanguage } from '@/lib/langs';
import { splitWords } from '@/lib/text/segment';
import {
  formatSummary,
  opensWithHeadline,
  summarySentenceCount,
  type Summary,
  type SummaryLength,
  type SummaryType,
} from './options';
import { textRank } from './textrank';

/** Scores closer than this are a tie, so float noise never overrules "earlier sentence first". */
const SCORE_EPSILON = 1e-12;

const stopwordSets = new Map<string, ReadonlySet<string>>();

function stopwordsFor(base: string): ReadonlySet<string> {
  let stopwords = stopwordSets.get(base);
  if (!stopwords) {
    // Languages without a list (none of ours today) simply keep every word.
    stopwords = new Set((stopwordLists as Record<string, string[] | undefined>)[base] ?? []);
    stopwordSets.set(base, stopwords);
  }
  return stopwords;
}

/** Words that can tie sentences together: ICU words (dictionary-split in zh/ja) minus stop words. */
function contentWords(sentence: string, base: string, stopwords: ReadonlySet<string>): string[] {
  return splitWords(sentence, base)
    .map((word) => word.toLowerCase())
    .filter((word) => !stopwords.has(word));
}

/**
 * Indices of the sentences that can be picked: not blank, and only the first copy of a sentence the
 * article repeats verbatim (a pull quote, a lede echoed at the end), so no summary says it twice.
 */
function candidateIndices(sentences: readonly string[]): number[] {
  const seen = new Set<string>();
  const indices: number[] = [];
  sentences.forEach((sentence, index) => {
    const text = sentence.trim();
    if (!text || seen.has(text)) return;
    seen.add(text);
    indices.push(index);
  });
  return indices;
}

export function summarizeExtractive(
  sentences: string[],
  opts: { language: string; type: SummaryType; length: SummaryLength },
): Summary {
  const base = baseLanguage(opts.language);
  const stopwords = stopwordsFor(base);
  const candidates = candidateIndices(sentences);
  const scores = textRank(candidates.map((index) => contentWords(sentences[index] ?? '', base, stopwords)));

  // The headline ranks with the rest (it ties the lede to the story) but is never picked: it is the article's
  // title, not one of its points.
  const headline = opensWithHeadline(sentences) && candidates[0] === 0;
  const points = candidates.length - (headline ? 1 : 0);
  const picked = candidates
    .map((index, k) => ({ index, score: scores[k] ?? 0 }))
    .filter(({ index }) => !(headline && index === 0))
    .sort((a, b) => {
      const byScore = b.score - a.score;
      return Math.abs(byScore) > SCORE_EPSILON ? byScore : a.index - b.index;
    })
    .slice(0, summarySentenceCount(opts.type, opts.length, points))
    .map(({ index }) => index)
    .sort((a, b) => a - b)
    .map((index) => ({ text: (sentences[index] ?? '').trim(), sources: [index] }));

  return {
    text: formatSummary(
      picked.map((sentence) => sentence.text),
      opts.type,
    ),
    sentences: picked,
  };
}
