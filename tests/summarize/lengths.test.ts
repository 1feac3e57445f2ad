import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { cleanArticle, sentencesOf } from '@/lib/pipeline/document';
import { summarizeExtractive } from '@/lib/summarize/extractive';
import { SUMMARY_LENGTHS, type SummaryType } from '@/lib/summarize/options';

const SEED = readFileSync(new URL('../fixtures/articles/en-sana-lavrov.txt', import.meta.url), 'utf8');

/** The article's sentences as the pipeline hands them to the summariser: cleaned, headline first. */
function sentencesOfArticle(text: string): string[] {
  return sentencesOf(cleanArticle(text).body, 'en').map((s) => s.text);
}

/** `copies` numbered copies of the seed (no sentence repeats), a long article. */
function longArticle(copies: number): string {
  return Array.from({ length: copies }, (_, copy) =>
    SEED.split('\n\n')
      .map((paragraph, i) => (i === 0 && copy === 0 ? paragraph : `(${copy + 1}) ${paragraph}`))
      .join('\n\n'),
  ).join('\n\n');
}

/** Characters of summary per character of article. */
function ratio(sentences: string[], type: SummaryType, length: (typeof SUMMARY_LENGTHS)[number]) {
  const summary = summarizeExtractive(sentences, { language: 'en', type, length });
  const picked = summary.sentences.map((s) => s.text);
  return { picked, share: picked.join(' ').length / sentences.join(' ').length };
}

describe('summary lengths are shares of the article', () => {
  const seed = sentencesOfArticle(SEED);

  it.each(['key-points', 'tldr'] as const)(
    '%s on the seed: short is 1–2 sentences, medium at most 35 percent, long at most 50',
    (type) => {
      const short = ratio(seed, type, 'short');
      const medium = ratio(seed, type, 'medium');
      const long = ratio(seed, type, 'long');
      expect(short.picked.length).toBeLessThanOrEqual(2);
      expect(medium.share).toBeGreaterThan(short.share);
      // Distinct lengths on the seed's few long sentences are 1, 2 and 3 of them: about 10%, 30% and 40%.
      expect(medium.share).toBeLessThanOrEqual(0.35);
      expect(long.share).toBeGreaterThan(medium.share);
      expect(long.share).toBeLessThanOrEqual(0.5);
    },
  );

  it.each(['key-points', 'tldr'] as const)('%s never repeats the headline as a point', (type) => {
    for (const length of SUMMARY_LENGTHS) expect(ratio(seed, type, length).picked).not.toContain(seed[0]);
  });

  it('a long article gets more sentences, within the ceilings', () => {
    const long = sentencesOfArticle(longArticle(20));
    const counts = SUMMARY_LENGTHS.map((length) => ratio(long, 'key-points', length).picked.length);
    const onSeed = SUMMARY_LENGTHS.map((length) => ratio(seed, 'key-points', length).picked.length);
    for (const [i, count] of counts.entries()) expect(count).toBeGreaterThanOrEqual(onSeed[i]!);
    expect(counts[0]).toBeLessThanOrEqual(2);
    expect(counts[2]).toBeLessThanOrEqual(15);
  });
});
