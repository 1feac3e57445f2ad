/**
 * What `models:verify` asks each model to translate or summarise: the seed article's first paragraph (a
 * real news paragraph, 40 words) and two short news sentences, in English; for models that translate
 * into English, the two short sentences in their source language.
 */
import { readFileSync } from 'node:fs';
import type { LanguageCode } from '@/lib/langs';
import { cleanArticle } from '@/lib/pipeline/document';
import { splitParagraphs } from '@/lib/text/normalize';

const SEED = new URL('../../tests/fixtures/articles/en-sana-lavrov.txt', import.meta.url);

/** The first paragraph of the seed's body that is more than a headline. */
export function seedParagraph(): string {
  const paragraphs = splitParagraphs(cleanArticle(readFileSync(SEED, 'utf8')).body);
  const first = paragraphs.find((p) => p.length > 120);
  if (!first) throw new Error('The seed article has no paragraph');
  return first;
}

const SHORT: Record<LanguageCode, readonly [string, string]> = {
  en: [
    'The central bank left interest rates unchanged on Thursday.',
    'Heavy rain forced the closure of several roads in the north of the country.',
  ],
  ru: [
    'Центральный банк в четверг оставил процентные ставки без изменений.',
    'Из-за сильных дождей на севере страны были закрыты несколько дорог.',
  ],
  'zh-Hans': ['中央银行周四维持利率不变。', '暴雨迫使该国北部多条道路封闭。'],
  'zh-Hant': ['中央銀行週四維持利率不變。', '暴雨迫使該國北部多條道路封閉。'],
  hi: [
    'केंद्रीय बैंक ने गुरुवार को ब्याज दरों में कोई बदलाव नहीं किया।',
    'भारी बारिश के कारण देश के उत्तर में कई सड़कें बंद करनी पड़ीं।',
  ],
  de: [
    'Die Zentralbank hat die Zinsen am Donnerstag unverändert gelassen.',
    'Starker Regen erzwang die Sperrung mehrerer Straßen im Norden des Landes.',
  ],
  fr: [
    'La banque centrale a laissé ses taux d’intérêt inchangés jeudi.',
    'De fortes pluies ont entraîné la fermeture de plusieurs routes dans le nord du pays.',
  ],
  es: [
    'El banco central mantuvo sin cambios los tipos de interés el jueves.',
    'Las fuertes lluvias obligaron a cerrar varias carreteras en el norte del país.',
  ],
  it: [
    'La banca centrale ha lasciato invariati i tassi di interesse giovedì.',
    'Le forti piogge hanno costretto alla chiusura di diverse strade nel nord del paese.',
  ],
  pt: [
    'O banco central manteve as taxas de juro inalteradas na quinta-feira.',
    'A chuva forte obrigou ao encerramento de várias estradas no norte do país.',
  ],
  uk: [
    'Центральний банк у четвер залишив процентні ставки без змін.',
    'Через сильні дощі на півночі країни закрили кілька доріг.',
  ],
  ar: [
    'أبقى البنك المركزي أسعار الفائدة دون تغيير يوم الخميس.',
    'أجبرت الأمطار الغزيرة على إغلاق عدة طرق في شمال البلاد.',
  ],
  ja: ['中央銀行は木曜日、金利を据え置いた。', '大雨のため、国の北部で複数の道路が閉鎖された。'],
  ko: ['중앙은행은 목요일 금리를 동결했다.', '폭우로 인해 북부 지역의 여러 도로가 폐쇄되었다.'],
  tr: [
    'Merkez bankası perşembe günü faiz oranlarını değiştirmedi.',
    'Şiddetli yağmur, ülkenin kuzeyindeki birçok yolun kapanmasına neden oldu.',
  ],
};

/** The canary texts for a model reading `language`. */
export function canaryTexts(language: LanguageCode): string[] {
  return language === 'en' ? [seedParagraph(), ...SHORT.en] : [...SHORT[language]];
}
