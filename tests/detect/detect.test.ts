import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '@/lib/detect';
import { LANGUAGES } from '@/lib/langs';
import { NEWS_SAMPLES } from './news-samples';

const seedArticle = readFileSync(new URL('../fixtures/articles/en-sana-lavrov.txt', import.meta.url), 'utf8');

describe('detectLanguage on news in every language of the table', () => {
  const cases = Object.entries(NEWS_SAMPLES).flatMap(([language, texts]) =>
    texts.map((text, i) => [language, i + 1, text] as const),
  );

  it('has passages for every language we support', () => {
    expect(Object.keys(NEWS_SAMPLES).sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
  });

  it.each(cases)('names %s confidently (passage %i)', (language, _n, text) => {
    const detection = detectLanguage(text);
    expect(detection.language).toBe(language);
    expect(detection.confidence).toBeGreaterThan(0.8);
    expect(detection.alternatives.map((a) => a.language)).not.toContain(language);
  });

  it('recognises the seed article as English with near certainty', () => {
    const detection = detectLanguage(seedArticle);
    expect(detection.language).toBe('en');
    expect(detection.confidence).toBeGreaterThan(0.95);
  });
});

describe('detectLanguage on neighbours', () => {
  it('tells Russian from Ukrainian in the same news item', () => {
    const [, russian] = NEWS_SAMPLES.ru;
    const [, ukrainian] = NEWS_SAMPLES.uk;
    expect(detectLanguage(russian!).language).toBe('ru');
    expect(detectLanguage(ukrainian!).language).toBe('uk');
  });

  it('tells Simplified from Traditional Chinese in the same news item', () => {
    const simplified = detectLanguage(NEWS_SAMPLES['zh-Hans'][0]!);
    const traditional = detectLanguage(NEWS_SAMPLES['zh-Hant'][0]!);
    expect(simplified.language).toBe('zh-Hans');
    expect(simplified.alternatives[0]?.language).toBe('zh-Hant');
    expect(traditional.language).toBe('zh-Hant');
    expect(traditional.alternatives[0]?.language).toBe('zh-Hans');
  });

  it('keeps a kanji-heavy Japanese headline out of Chinese', () => {
    expect(detectLanguage('岸田首相、来月訪米へ　日米首脳会談で経済安全保障を協議').language).toBe('ja');
  });
});

describe('detectLanguage when it cannot tell', () => {
  it.each(['Breaking news', 'Лавров заявил', 'Україна і Росія', '中国日本'])(
    'leaves a few words (%s) undetermined',
    (text) => {
      expect(detectLanguage(text)).toMatchObject({ language: 'und', confidence: 0 });
    },
  );

  it('still offers its best guesses for a few words, so the reader can pick', () => {
    expect(detectLanguage('Україна і Росія').alternatives[0]?.language).toBe('uk');
    // Japanese writes these four characters too.
    expect(detectLanguage('中国日本').alternatives.map((a) => a.language)).toEqual(
      expect.arrayContaining(['zh-Hans', 'zh-Hant']),
    );
  });

  it('offers Spanish first, and Portuguese among its neighbours, for a phrase too short to call', () => {
    const detection = detectLanguage('El ministro ruso');
    expect(detection.language).toBe('und');
    expect(detection.alternatives[0]?.language).toBe('es');
    expect(detection.alternatives.map((a) => a.language)).toContain('pt');
  });

  it('offers both Chinese scripts for a caption written in each', () => {
    const detection = detectLanguage('俄罗斯外交部长拉夫罗夫周一表示。俄羅斯外交部長拉夫羅夫週一表示。');
    expect(detection.language).toBe('und');
    expect(detection.alternatives.map((a) => a.language).sort()).toEqual(['zh-Hans', 'zh-Hant']);
  });

  it.each([
    [
      'Dutch',
      'De Russische minister van Buitenlandse Zaken Sergej Lavrov zei maandag dat Rusland geen geheime onderhandelingen over Syrië voert.',
    ],
    [
      'Polish',
      'Minister spraw zagranicznych Rosji Siergiej Ławrow oświadczył w poniedziałek, że Rosja nie prowadzi tajnych negocjacji w sprawie Syrii.',
    ],
    [
      'Persian',
      'سرگئی لاوروف، وزیر امور خارجه روسیه، روز دوشنبه گفت که روسیه هیچ مذاکره محرمانه‌ای درباره سوریه انجام نمی‌دهد.',
    ],
    ['Marathi', 'मुंबईत मुसळधार पावसामुळे अनेक भागांत पाणी साचले असून लोकल सेवा विस्कळीत झाली आहे.'],
    [
      'Greek',
      'Ο υπουργός Εξωτερικών της Ρωσίας δήλωσε ότι η Μόσχα δεν διεξάγει μυστικές διαπραγματεύσεις για τη Συρία.',
    ],
  ])('does not pass %s off as one of our languages', (_name, text) => {
    expect(detectLanguage(text).language).toBe('und');
  });

  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['emoji', '😀🎉🇺🇳'],
    ['digits', '2024-03-14 12:00 +7.5%'],
    ['NUL', '\u0000\u0000abc\u0000'],
    ['lone surrogates', '\uD800 Lavrov \uDFFF 拉夫罗夫 \uD83D'],
    ['combining marks only', '\u0301\u0308\u093F'],
    ['a megabyte of one letter', 'a'.repeat(1_000_000)],
  ])('answers und without throwing for %s', (_name, text) => {
    const detection = detectLanguage(text);
    expect(detection.language).toBe('und');
    expect(detection.confidence).toBe(0);
  });
});
