import { describe, expect, it } from 'vitest';
import { detectLanguage } from '@/lib/detect';
import { LANGUAGES } from '@/lib/langs';
import { LONG_CASES, SHORT_CASES, type DetectionCase } from './detection-cases';
import { SHORT_SENTENCES } from './short-sentences';

/** The cases detection gets wrong, as "expected → answer: text", so a failure says which. */
function misses(cases: readonly DetectionCase[]): string[] {
  return cases.flatMap(({ language, text }) => {
    const answer = detectLanguage(text).language;
    return answer === language ? [] : [`${language} → ${answer}: ${text.slice(0, 60)}`];
  });
}

describe('detection accuracy', () => {
  it('has at least five short sentences of 5–10 words for every language we support', () => {
    for (const { code } of LANGUAGES) expect(SHORT_SENTENCES[code].length).toBeGreaterThanOrEqual(5);
    for (const { language, text } of SHORT_CASES) {
      // Chinese and Japanese run words together: count about two characters a word.
      const words = /^(zh|ja)/.test(language) ? Array.from(text).length / 2 : text.split(/\s+/).length;
      expect(words, text).toBeGreaterThanOrEqual(5);
      expect(words, text).toBeLessThanOrEqual(12);
    }
  });

  it('names the language of at least 95% of short sentences', () => {
    const wrong = misses(SHORT_CASES);
    expect(wrong.length / SHORT_CASES.length, wrong.join('\n')).toBeLessThanOrEqual(0.05);
  });

  it('is rarely unsure of a short sentence', () => {
    const unsure = SHORT_CASES.filter(({ text }) => detectLanguage(text).language === 'und');
    expect(unsure.length / SHORT_CASES.length).toBeLessThanOrEqual(0.03);
  });

  it('names the language of every passage and whole article', () => {
    expect(misses(LONG_CASES)).toEqual([]);
  });
});
