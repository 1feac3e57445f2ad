import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { normalizeText, splitParagraphs } from '@/lib/text/normalize';

const seed = readFileSync(new URL('../fixtures/articles/en-sana-lavrov.txt', import.meta.url), 'utf8');

describe('normalizeText', () => {
  it('leaves a clean article exactly as it is', () => {
    expect(normalizeText(seed)).toBe(seed);
  });

  it('keeps typographic quotes, apostrophes and dashes as typed', () => {
    const text = 'Lavrov: Russia isn’t holding “secret” talks – or ‘any’ talks — in Geneva, «говорит» он.';
    expect(normalizeText(text)).toBe(text);
  });

  it('composes decomposed characters (NFC)', () => {
    const decomposed = 'Cafe\u0301 in Moscow: Мои\u0306 друг';
    expect(decomposed).not.toBe('Café in Moscow: Мой друг');
    expect(normalizeText(decomposed)).toBe('Café in Moscow: Мой друг');
  });

  it('unifies line breaks, trims lines and leaves at most one blank line between paragraphs', () => {
    expect(
      normalizeText(
        '\r\n  Headline  \r\n\r\n\r\n\r\nFirst paragraph.\rSecond line.\u2028Third.\n \n\t\n Last. ',
      ),
    ).toBe('Headline\n\nFirst paragraph.\nSecond line.\nThird.\n\nLast.');
  });

  it('collapses runs of spaces and tabs but keeps a single no-break space', () => {
    expect(normalizeText('Prices   rose\t\tby 10\u00a0km  \u00a0 today.')).toBe(
      'Prices rose by 10\u00a0km today.',
    );
  });

  it('strips control characters and a stray byte-order mark, keeping line breaks', () => {
    expect(normalizeText('\ufeffMoscow\u0000, SANA\u0007 –\u001b[0m talks\nended.')).toBe(
      'Moscow, SANA –[0m talks\nended.',
    );
  });

  it('keeps Chinese and Hindi text intact', () => {
    const text = '他说：“有关秘密谈判的说法旨在破坏对话。”\n\nरूस कोई गुप्त बातचीत नहीं कर रहा है।';
    expect(normalizeText(text)).toBe(text);
  });
});

describe('splitParagraphs', () => {
  it('splits the seed article at its blank lines', () => {
    const paragraphs = splitParagraphs(seed);
    expect(paragraphs).toHaveLength(12);
    expect(paragraphs[1]).toMatch(/^Moscow, SANA – /u);
    expect(paragraphs[8]).toBe('Hazem Sabbagh');
  });

  it('keeps single line breaks inside a paragraph when blank lines separate paragraphs', () => {
    expect(splitParagraphs('Roses are red,\nviolets are blue.\n\n\nSecond  \r\n\r\nThird')).toEqual([
      'Roses are red,\nviolets are blue.',
      'Second',
      'Third',
    ]);
  });

  it('treats each line as a paragraph when the paste has no blank lines', () => {
    expect(splitParagraphs('\nHeadline\r\nFirst paragraph.\nSecond paragraph.\n')).toEqual([
      'Headline',
      'First paragraph.',
      'Second paragraph.',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(splitParagraphs(' \n \n')).toEqual([]);
  });
});
