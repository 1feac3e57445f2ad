import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeExtractive } from '@/lib/summarize/extractive';
import {
  opensWithHeadline,
  SUMMARY_LENGTHS,
  SUMMARY_TYPES,
  summarySentenceCount,
} from '@/lib/summarize/options';
import { splitSentences } from '@/lib/text/segment';

function articleSentences(file: string, language: string): string[] {
  const text = readFileSync(new URL(`../fixtures/articles/${file}`, import.meta.url), 'utf8');
  return splitSentences(text, language).map((sentence) => sentence.text);
}

const ARTICLES = [
  { file: 'en-sana-lavrov.txt', language: 'en' },
  { file: 'ru-sample.txt', language: 'ru' },
  { file: 'zh-sample.txt', language: 'zh-Hans' },
  { file: 'hi-sample.txt', language: 'hi' },
] as const;

describe('summarySentenceCount', () => {
  it('takes a share of the article, within a floor and a ceiling', () => {
    const counts = (available: number) =>
      SUMMARY_LENGTHS.map((length) => summarySentenceCount('key-points', length, available));
    expect(counts(10)).toEqual([1, 2, 3]);
    expect(counts(40)).toEqual([2, 7, 12]);
    expect(counts(1000)).toEqual([2, 8, 15]);
    // Never more than there is, and a headline is one sentence whatever the length.
    expect(counts(2)).toEqual([1, 2, 2]);
    expect(summarySentenceCount('headline', 'long', 1000)).toBe(1);
  });
});

const seed = articleSentences('en-sana-lavrov.txt', 'en');
const LAVROV_LEDE =
  'Moscow, SANA – Russian Foreign Minister Sergey Lavrov affirmed that Russia isn’t’ conducting any secret negotiations about Syria with any side in Geneva, saying that any talk of such things seeks to undermine intra-Syrian dialogue.';

describe.each(ARTICLES)('summarizeExtractive on $file', ({ file, language }) => {
  const sentences = articleSentences(file, language);

  it('has enough sentences to test every length', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(8);
  });

  const combinations = SUMMARY_TYPES.flatMap((type) =>
    SUMMARY_LENGTHS.map((length) => [type, length] as const),
  );

  it.each(combinations)('%s / %s: right count, article sentences, in article order', (type, length) => {
    const summary = summarizeExtractive(sentences, { language, type, length });
    const points = sentences.length - (opensWithHeadline(sentences) ? 1 : 0);
    expect(summary.sentences).toHaveLength(summarySentenceCount(type, length, points));

    const sources = summary.sentences.map((sentence) => sentence.sources);
    for (const [i, sentence] of summary.sentences.entries()) {
      expect(sentence.sources).toHaveLength(1);
      expect(sentences[sentence.sources[0]!]).toBe(sentence.text);
      if (i > 0) expect(sentence.sources[0]).toBeGreaterThan(sources[i - 1]![0]!);
    }
  });

  it('lays key points out as one bullet per sentence', () => {
    const summary = summarizeExtractive(sentences, { language, type: 'key-points', length: 'medium' });
    expect(summary.text.split('\n')).toEqual(summary.sentences.map((sentence) => `• ${sentence.text}`));
  });

  it('writes a TL;DR as one paragraph', () => {
    const summary = summarizeExtractive(sentences, { language, type: 'tldr', length: 'long' });
    expect(summary.text).not.toContain('\n');
    for (const sentence of summary.sentences) expect(summary.text).toContain(sentence.text);
  });

  it('picks the lede as the one-line headline', () => {
    const summary = summarizeExtractive(sentences, { language, type: 'headline', length: 'short' });
    expect(summary.text).toBe(sentences[1]);
    expect(summary.sentences).toEqual([{ text: sentences[1], sources: [1] }]);
  });

  it('gives the same summary every time', () => {
    const options = { language, type: 'key-points', length: 'long' } as const;
    expect(summarizeExtractive(sentences, options)).toEqual(summarizeExtractive(sentences, options));
  });
});

describe('summarizeExtractive on the seed article', () => {
  const keyPoints = summarizeExtractive(seed, { language: 'en', type: 'key-points', length: 'medium' });

  it('puts Lavrov’s central statement among the key points', () => {
    expect(keyPoints.sentences.map((sentence) => sentence.text)).toContain(LAVROV_LEDE);
  });

  it('leaves the byline and the “Check Also” teaser out', () => {
    const long = summarizeExtractive(seed, { language: 'en', type: 'key-points', length: 'long' });
    expect(long.text).not.toMatch(/Hazem Sabbagh|Check Also|Festivity|Oud/);
  });

  it('does not repeat a sentence the page repeats verbatim', () => {
    const repeated = [...seed, LAVROV_LEDE, seed[4]!];
    const summary = summarizeExtractive(repeated, { language: 'en', type: 'key-points', length: 'long' });
    const texts = summary.sentences.map((sentence) => sentence.text);
    expect(texts).toContain(LAVROV_LEDE);
    expect(new Set(texts).size).toBe(texts.length);
    expect(summary.sentences.find((sentence) => sentence.text === LAVROV_LEDE)?.sources).toEqual([1]);
  });
});

describe('summarizeExtractive on small inputs', () => {
  it('returns an empty summary for no sentences or only blank ones', () => {
    const empty = { text: '', sentences: [] };
    expect(summarizeExtractive([], { language: 'en', type: 'tldr', length: 'long' })).toEqual(empty);
    expect(summarizeExtractive(['', '  '], { language: 'en', type: 'headline', length: 'short' })).toEqual(
      empty,
    );
  });

  it('never returns more sentences than the input has', () => {
    const two = seed.slice(1, 3);
    const summary = summarizeExtractive(two, { language: 'en', type: 'key-points', length: 'long' });
    expect(summary.sentences.map((sentence) => sentence.sources)).toEqual([[0], [1]]);
  });

  it('breaks ties by position: unrelated sentences are taken from the top', () => {
    const unrelated = [
      'Markets closed higher on Friday.',
      'Heavy snow fell across Scotland overnight.',
      'The city museum reopens after renovation.',
      'A vaccine trial has begun in Kenya.',
      'Football fans celebrated the cup final.',
    ];
    const summary = summarizeExtractive(unrelated, { language: 'en', type: 'key-points', length: 'long' });
    expect(summary.sentences.map((sentence) => sentence.sources[0])).toEqual([0, 1, 2]);
  });

  it('joins a Chinese TL;DR without spaces and a Russian one with them', () => {
    const zh = summarizeExtractive(articleSentences('zh-sample.txt', 'zh-Hans'), {
      language: 'zh-Hans',
      type: 'tldr',
      length: 'short',
    });
    expect(zh.text).toBe(zh.sentences.map((sentence) => sentence.text).join(''));
    const ru = summarizeExtractive(articleSentences('ru-sample.txt', 'ru'), {
      language: 'ru',
      type: 'tldr',
      length: 'short',
    });
    expect(ru.text).toBe(ru.sentences.map((sentence) => sentence.text).join(' '));
  });
});
