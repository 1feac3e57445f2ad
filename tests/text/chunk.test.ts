import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { joinSentences, packSentences, splitToBudget, type CountTokens } from '@/lib/text/chunk';
import { splitSentences } from '@/lib/text/segment';

const seed = readFileSync(new URL('../fixtures/articles/en-sana-lavrov.txt', import.meta.url), 'utf8');
const seedSentences = splitSentences(seed).map((s) => s.text);
/** "He pointed out that the flow of terrorists…": 74 words, the seed's longest sentence. */
const longSentence = seedSentences[7] ?? '';

const countWords: CountTokens = (text) => text.split(/\s+/u).filter(Boolean).length;
const countChars: CountTokens = (text) => [...text].length;

/**
 * Behaves like a subword tokenizer where it matters here: two special tokens on every call (so counts do not
 * add up across a join), about four letters a token, one token per Chinese character and per punctuation mark.
 */
const words = new Intl.Segmenter('en', { granularity: 'word' });
const countSubwords: CountTokens = (text) => {
  let tokens = 2;
  for (const { segment, isWordLike } of words.segment(text)) {
    if (/^\s+$/u.test(segment)) continue;
    const length = [...segment].length;
    tokens += isWordLike && !/\p{Script=Han}/u.test(segment) ? Math.ceil(length / 4) : length;
  }
  return tokens;
};

function expectPieces(sentence: string, pieces: string[], budget: number, count: CountTokens): void {
  expect(pieces.join('')).toBe(sentence);
  for (const piece of pieces) {
    expect(piece.trim()).not.toBe('');
    expect(count(piece)).toBeLessThanOrEqual(budget);
  }
}

describe('splitToBudget', () => {
  it('returns a sentence that fits as it is', () => {
    for (const sentence of [
      longSentence,
      '他说：“有关秘密谈判的说法旨在破坏对话。”',
      'रूस कोई गुप्त बातचीत नहीं कर रहा है।',
    ]) {
      expect(splitToBudget(sentence, countSubwords(sentence), countSubwords)).toEqual([sentence]);
    }
  });

  it('splits a long English sentence at its clause marks first', () => {
    const pieces = splitToBudget(longSentence, 40, countWords);
    expectPieces(longSentence, pieces, 40, countWords);
    expect(pieces).toEqual([
      'He pointed out that the flow of terrorists to Syria continues despite Russian calls for the US to help close the Turkish-Syrian borders, ',
      'adding that Turkey hasn’t given up its open attempts to interfere by force and keeps proposing new ideas on no-fly zones and “safe zones,” ',
      'stressing that what raises concerns is that the EU isn’t objecting to Ankara’s ambitions which are merely attempts to cover up a direct Turkish aggression against Syria.',
    ]);
  });

  it('falls back to word boundaries inside a clause that is still too long', () => {
    const pieces = splitToBudget(longSentence, 12, countWords);
    expectPieces(longSentence, pieces, 12, countWords);
    expect(pieces.length).toBeGreaterThanOrEqual(7);
    // Cut between words, never inside one: each piece but the last ends in a space.
    for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/\s$/u);
  });

  it('packs with a tokenizer whose counts do not add up, and never exceeds the budget', () => {
    for (const budget of [8, 15, 30, 60]) {
      for (const sentence of seedSentences) {
        expectPieces(sentence, splitToBudget(sentence, budget, countSubwords), budget, countSubwords);
      }
    }
  });

  it('splits Chinese at ，、 and then between dictionary words', () => {
    const sentence =
      '俄罗斯外长拉夫罗夫周一在莫斯科表示，俄方没有就叙利亚问题与任何一方进行秘密谈判，并称有关秘密谈判、幕后交易的说法旨在破坏叙利亚内部对话。';
    const pieces = splitToBudget(sentence, 30, countSubwords, 'zh-Hans');
    expectPieces(sentence, pieces, 30, countSubwords);
    expect(pieces[0]).toBe('俄罗斯外长拉夫罗夫周一在莫斯科表示，');

    const noMarks = '俄方没有就叙利亚问题与任何一方进行秘密谈判';
    expect(splitToBudget(noMarks, 6, countSubwords, 'zh-Hans')).toEqual([
      '俄方没有',
      '就叙利亚',
      '问题与',
      '任何一方',
      '进行秘密',
      '谈判',
    ]);
  });

  it('cuts an unbroken string between characters, never inside a Devanagari syllable', () => {
    const url = 'https://sana.sy/en/?p=71234&utm_source=newsletter';
    expectPieces(url, splitToBudget(url, 10, countChars), 10, countChars);

    const word = 'प्रतिशत';
    const pieces = splitToBudget(word, 3, countChars, 'hi');
    expect(pieces).toEqual(['प्र', 'तिश', 'त']);
    for (const piece of pieces) expect(piece).not.toMatch(/^\p{M}/u);
  });

  it('throws when the budget cannot hold a single character', () => {
    expect(() => splitToBudget('Syria', 2, countSubwords)).toThrow(RangeError);
  });
});

describe('packSentences', () => {
  it('groups consecutive whole sentences as tightly as the budget allows', () => {
    const sentences = [
      'Lavrov spoke in Moscow.',
      'He met Wang Yi.',
      'Talks went well today.',
      'Swaraj agreed.',
    ];
    expect(packSentences(sentences, 8, countWords)).toEqual([
      { text: 'Lavrov spoke in Moscow. He met Wang Yi.', sentences: [0, 1] },
      { text: 'Talks went well today. Swaraj agreed.', sentences: [2, 3] },
    ]);
  });

  it('packs the seed article under a subword budget without splitting any sentence that fits', () => {
    const budget = 160;
    const groups = packSentences(seedSentences, budget, countSubwords);
    expect(groups.flatMap((g) => g.sentences)).toEqual(seedSentences.map((_, i) => i));
    groups.forEach((group, i) => {
      expect(countSubwords(group.text)).toBeLessThanOrEqual(budget);
      expect(group.text).toBe(joinSentences(group.sentences.map((s) => seedSentences[s] ?? '')));
      // Greedy: the next sentence did not fit, or it would have joined this group.
      const next = groups[i + 1]?.sentences[0];
      if (next !== undefined) {
        expect(countSubwords(joinSentences([group.text, seedSentences[next] ?? '']))).toBeGreaterThan(budget);
      }
    });
    expect(groups.length).toBeGreaterThan(1);
  });

  it('splits only the sentences too long for the budget, into groups that all name them', () => {
    const budget = 50;
    const groups = packSentences(seedSentences, budget, countWords);
    for (const group of groups) expect(countWords(group.text)).toBeLessThanOrEqual(budget);
    // Nothing lost or reordered.
    expect(groups.map((g) => g.text).join(' ')).toBe(joinSentences(seedSentences));
    seedSentences.forEach((sentence, i) => {
      const holding = groups.filter((g) => g.sentences.includes(i));
      if (countWords(sentence) > budget) {
        expect(holding.length).toBeGreaterThan(1);
      } else {
        expect(holding).toHaveLength(1);
        expect(holding[0]?.text).toContain(sentence);
      }
    });
    // The case under test does occur: four of the seed's paragraphs exceed the budget.
    expect(seedSentences.flatMap((sentence, i) => (countWords(sentence) > budget ? [i] : []))).toEqual([
      2, 3, 4, 7,
    ]);
  });

  it('joins Chinese sentences without spaces', () => {
    const sentences = splitSentences(
      '俄方没有进行秘密谈判。他说：“这旨在破坏对话。”拉夫罗夫还指出土耳其仍在侵略！',
      'zh-Hans',
    );
    expect(
      packSentences(
        sentences.map((s) => s.text),
        100,
        countSubwords,
        'zh-Hans',
      ),
    ).toEqual([
      {
        text: '俄方没有进行秘密谈判。他说：“这旨在破坏对话。”拉夫罗夫还指出土耳其仍在侵略！',
        sentences: [0, 1, 2],
      },
    ]);
  });
});

describe('joinSentences', () => {
  it('puts one space between sentences in spaced scripts and none between Chinese ones', () => {
    expect(joinSentences(['Lavrov spoke.', '  ', 'रूस ने कहा।', '他说：“好。”', '走了。'])).toBe(
      'Lavrov spoke. रूस ने कहा। 他说：“好。”走了。',
    );
  });
});
