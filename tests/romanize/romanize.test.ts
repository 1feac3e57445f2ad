import { describe, expect, it } from 'vitest';

import { isRomanized } from '@/lib/romanize/languages';
import { romanize, romanizeSegments, romanizeTokens } from '@/lib/romanize';
import { failure } from '../support/bitext-error';

describe('romanize', () => {
  it('writes Chinese as pinyin with tone marks, by word, reading polyphonic characters in context', () => {
    // pinyin-pro's README examples: 汉语拼音 → hàn yǔ pīn yīn; 行 reads háng in 银行 and 行长.
    expect(romanize('汉语拼音', 'zh-Hans')).toBe('hànyǔ pīnyīn');
    expect(romanize('银行行长说：我们走！', 'zh-Hans')).toBe('yínháng hángzhǎng shuō: wǒmen zǒu!');
  });

  it('reads Traditional Chinese as the same words', () => {
    expect(romanize('中國銀行行長', 'zh-Hant')).toBe('zhōngguó yínháng hángzhǎng');
  });

  it('writes Russian in the Wikipedia scheme (iuliia), keeping case and punctuation', () => {
    // iuliia's README: Москва → Moskva, Щукин → Shchukin; the seed article's minister.
    expect(romanize('Москва, Щукин.', 'ru')).toBe('Moskva, Shchukin.');
    expect(romanize('Сергей Лавров', 'ru')).toBe('Sergey Lavrov');
  });

  it('writes Ukrainian in the national (KMU 2010) scheme', () => {
    expect(romanize('Київ, Згорани, Юрій', 'uk')).toBe('Kyiv, Zghorany, Yurii');
  });

  it('writes Hindi as a reader says it: IAST, the inherent vowel dropped where Hindi drops it', () => {
    expect(romanize('नमस्ते', 'hi')).toBe('namaste');
    expect(romanize('भारत', 'hi')).toBe('bhārat');
    expect(romanize('कमला', 'hi')).toBe('kamlā');
    expect(romanize('समझना', 'hi')).toBe('samajhnā');
    expect(romanize('मित्र', 'hi')).toBe('mitra');
    // The seed article's names as a Hindi translation spells them.
    expect(romanize('मास्को में सर्गेई लावरोव और सुषमा स्वराज।', 'hi')).toBe(
      'māsko meṃ sargeī lāvrov aur suṣmā svarāj.',
    );
  });

  it('pairs each word with its Latin form, so it can be shown over the word', () => {
    expect(romanizeTokens('Москва — столица', 'ru')).toEqual([
      { text: 'Москва', latin: 'Moskva' },
      { text: ' — ' },
      { text: 'столица', latin: 'stolitsa' },
    ]);
    expect(romanizeTokens('银行。', 'zh-Hans')).toEqual([{ text: '银行', latin: 'yínháng' }, { text: '。' }]);
  });

  it('knows which languages it romanises', () => {
    expect(['ru', 'uk', 'hi', 'zh-Hans', 'zh-Hant'].every(isRomanized)).toBe(true);
    expect(['en', 'de', 'ar', 'ja'].some(isRomanized)).toBe(false);
  });

  it('splits text into sentences, each with its Latin form', async () => {
    expect(romanizeSegments('Москва — столица. Лавров сказал.', 'ru')).toEqual([
      { text: 'Москва — столица.', latin: 'Moskva — stolitsa.' },
      { text: 'Лавров сказал.', latin: 'Lavrov skazal.' },
    ]);
    const error = await failure(Promise.resolve().then(() => romanizeSegments('Hello.', 'en')));
    expect(error.code).toBe('unsupported_language');
  });
});
