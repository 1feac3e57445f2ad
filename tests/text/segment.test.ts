import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { splitSentences, splitWords } from '@/lib/text/segment';

const seed = readFileSync(new URL('../fixtures/articles/en-sana-lavrov.txt', import.meta.url), 'utf8');

const texts = (text: string, lang?: string) => splitSentences(text, lang).map((s) => s.text);
const nonWhitespace = (text: string) => text.replace(/\s+/gu, '');

describe('splitSentences', () => {
  it('does not end English sentences at titles, initials or abbreviations before lower case and digits', () => {
    expect(
      texts(
        'Mr. Smith met Dr. Jones in St. Petersburg on Jan. 5 at 10 a.m. sharp. ' +
          'George W. Bush and Sen. Kerry disagreed, i.e. they argued. No. 10 Downing St. stayed silent.',
      ),
    ).toEqual([
      'Mr. Smith met Dr. Jones in St. Petersburg on Jan. 5 at 10 a.m. sharp.',
      'George W. Bush and Sen. Kerry disagreed, i.e. they argued.',
      'No. 10 Downing St. stayed silent.',
    ]);
  });

  it('still ends a sentence at an abbreviation followed by a new capitalised sentence', () => {
    expect(
      texts('Lavrov then flew to the U.S. The talks began the next day. Did he agree? No. He refused.'),
    ).toEqual([
      'Lavrov then flew to the U.S.',
      'The talks began the next day.',
      'Did he agree?',
      'No.',
      'He refused.',
    ]);
  });

  it('keeps decimals inside a sentence', () => {
    expect(texts('Growth slowed to 3.5 percent in 2016. Inflation was 12.9 percent.')).toEqual([
      'Growth slowed to 3.5 percent in 2016.',
      'Inflation was 12.9 percent.',
    ]);
  });

  it('keeps a closing quote with the sentence that ends inside it', () => {
    expect(texts('He said, “We will not negotiate in secret.” Then he left. “Why?” she asked.')).toEqual([
      'He said, “We will not negotiate in secret.”',
      'Then he left.',
      '“Why?” she asked.',
    ]);
  });

  it('splits Russian, keeping initials and guillemets', () => {
    expect(
      texts(
        'Министр иностранных дел России С. В. Лавров заявил, что Москва не ведёт «никаких секретных переговоров». ' +
          'По его словам, торговля выросла на 3,5 процента! Кто от этого выиграет?',
        'ru',
      ),
    ).toEqual([
      'Министр иностранных дел России С. В. Лавров заявил, что Москва не ведёт «никаких секретных переговоров».',
      'По его словам, торговля выросла на 3,5 процента!',
      'Кто от этого выиграет?',
    ]);
  });

  it('splits Chinese at 。！？ without spaces, keeping closing quotes', () => {
    expect(
      texts(
        '俄罗斯外长拉夫罗夫周一在莫斯科表示，俄方没有就叙利亚问题与任何一方进行秘密谈判。' +
          '他说：“有关秘密谈判的说法旨在破坏叙利亚内部对话。”拉夫罗夫还指出，土耳其仍在以各种方式对叙利亚实施侵略！' +
          '这是否会影响日内瓦和谈？',
        'zh-Hans',
      ),
    ).toEqual([
      '俄罗斯外长拉夫罗夫周一在莫斯科表示，俄方没有就叙利亚问题与任何一方进行秘密谈判。',
      '他说：“有关秘密谈判的说法旨在破坏叙利亚内部对话。”',
      '拉夫罗夫还指出，土耳其仍在以各种方式对叙利亚实施侵略！',
      '这是否会影响日内瓦和谈？',
    ]);
  });

  it('splits Hindi at । and ॥, keeping decimals and the title डॉ.', () => {
    expect(
      texts(
        'रूस के विदेश मंत्री सर्गेई लावरोव ने कहा कि रूस कोई गुप्त बातचीत नहीं कर रहा है। ' +
          'उन्होंने कहा कि व्यापार 3.5 प्रतिशत बढ़ा॥ डॉ. शर्मा ने इस बयान का स्वागत किया। क्या जिनेवा वार्ता सफल होगी?',
        'hi',
      ),
    ).toEqual([
      'रूस के विदेश मंत्री सर्गेई लावरोव ने कहा कि रूस कोई गुप्त बातचीत नहीं कर रहा है।',
      'उन्होंने कहा कि व्यापार 3.5 प्रतिशत बढ़ा॥',
      'डॉ. शर्मा ने इस बयान का स्वागत किया।',
      'क्या जिनेवा वार्ता सफल होगी?',
    ]);
  });

  it('treats line breaks as sentence breaks, even after an abbreviation', () => {
    expect(texts('Talks in Geneva\n\nThe envoy arrived with Mr.\nSmith stayed home.')).toEqual([
      'Talks in Geneva',
      'The envoy arrived with Mr.',
      'Smith stayed home.',
    ]);
  });

  it('splits the seed article into its headline, paragraphs and trailing lines', () => {
    const sentences = splitSentences(seed);
    expect(sentences).toHaveLength(12);
    expect(sentences[0]?.text).toBe('Lavrov: Russia isn’t’ conducting any secret negotiations about Syria');
    expect(sentences[1]?.text).toMatch(
      /^Moscow, SANA – Russian Foreign Minister .* intra-Syrian dialogue\.$/u,
    );
    expect(sentences[7]?.text).toMatch(/^He pointed out .*“safe zones,” stressing .* against Syria\.$/u);
    expect(sentences.slice(8).map((s) => s.text)).toEqual([
      'Hazem Sabbagh',
      'Check Also',
      'Festivity held on the inscription of “the crafting and Playing the Oud” on UNESCO’s Intangible Cultural Heritage List',
      'Damascus, SANA-Culture Ministry, in cooperation with Syria Trust for Development organized on Thursday a festivity …',
    ]);
  });

  it('reports offsets into the input and loses no character', () => {
    const input = `${seed}\n\n  Mr. Smith said “No.”   Dr. J. R. Jones agreed.\n他说：“好。”走了。`;
    const sentences = splitSentences(input);
    for (const sentence of sentences) expect(input.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(nonWhitespace(sentences.map((s) => s.text).join(''))).toBe(nonWhitespace(input));
  });

  it('returns nothing for blank text and tolerates a malformed language tag', () => {
    expect(splitSentences(' \n\t ')).toEqual([]);
    expect(texts('One. Two.', 'not a tag!')).toEqual(['One.', 'Two.']);
  });
});

describe('splitWords', () => {
  it('returns the words of English text without spaces or punctuation', () => {
    expect(splitWords('Lavrov: Russia isn’t conducting “secret” talks.')).toEqual([
      'Lavrov',
      'Russia',
      'isn’t',
      'conducting',
      'secret',
      'talks',
    ]);
  });

  it('finds dictionary words in Chinese, which has no spaces', () => {
    expect(splitWords('俄罗斯外长在莫斯科表示。', 'zh-Hans')).toEqual([
      '俄罗斯',
      '外长',
      '在',
      '莫斯科',
      '表示',
    ]);
  });

  it('keeps Hindi words whole, vowel signs included', () => {
    expect(splitWords('रूस कोई गुप्त बातचीत नहीं कर रहा है।', 'hi')).toEqual([
      'रूस',
      'कोई',
      'गुप्त',
      'बातचीत',
      'नहीं',
      'कर',
      'रहा',
      'है',
    ]);
  });
});
