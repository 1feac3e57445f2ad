import { expect, type APIRequestContext } from '@playwright/test';

import type { ShareCreated } from '../../lib/schemas/share';

/**
 * A short article with real (hand-made) Russian, Chinese and Hindi translations, shared through the API as the
 * workspace would share it: what the reading aids are seen on, since the fixture models only transliterate.
 */
const SOURCE = [
  'Lavrov: Russia is not holding secret talks on Syria',
  'Moscow, SANA – Russian Foreign Minister Sergey Lavrov said that Russia is not holding any secret talks on Syria. He spoke at a joint press conference with Wang Yi and Sushma Swaraj in Moscow on Monday.',
].join('\n\n');

export const READING_TRANSLATIONS = {
  ru: [
    'Лавров: Россия не ведёт секретных переговоров по Сирии',
    'Москва, САНА – Министр иностранных дел России Сергей Лавров заявил, что Россия не ведёт никаких секретных переговоров по Сирии.',
    'Он выступил на совместной пресс-конференции с Ван И и Сушмой Сварадж в Москве в понедельник.',
  ],
  'zh-Hans': [
    '拉夫罗夫：俄罗斯没有就叙利亚问题进行秘密谈判',
    '莫斯科，叙利亚通讯社——俄罗斯外交部长谢尔盖·拉夫罗夫表示，俄罗斯没有就叙利亚问题进行任何秘密谈判。',
    '他周一在莫斯科与王毅和苏什玛·斯瓦拉吉举行联合记者会时发表了讲话。',
  ],
  hi: [
    'लावरोव: रूस सीरिया पर कोई गुप्त वार्ता नहीं कर रहा है',
    'मास्को, सना – रूस के विदेश मंत्री सर्गेई लावरोव ने कहा कि रूस सीरिया पर कोई गुप्त वार्ता नहीं कर रहा है।',
    'उन्होंने सोमवार को मास्को में वांग यी और सुषमा स्वराज के साथ संयुक्त संवाददाता सम्मेलन में यह बात कही।',
  ],
} as const;

export const READING_SOURCE_SENTENCES = [
  'Lavrov: Russia is not holding secret talks on Syria',
  'Moscow, SANA – Russian Foreign Minister Sergey Lavrov said that Russia is not holding any secret talks on Syria.',
  'He spoke at a joint press conference with Wang Yi and Sushma Swaraj in Moscow on Monday.',
];

export async function createReadingShare(request: APIRequestContext): Promise<ShareCreated> {
  const summary = (text: string) => ({ text, sentences: [{ text, sources: [1] }] });
  const translations = Object.fromEntries(
    Object.entries(READING_TRANSLATIONS).map(([code, sentences]) => [
      code,
      {
        summary: summary(sentences[1]),
        segments: sentences.map((target, i) => ({ source: READING_SOURCE_SENTENCES[i]!, target })),
      },
    ]),
  );
  const created = await request.post('/api/v1/shares', {
    data: {
      source: { text: SOURCE, language: 'en' },
      summary: { mode: 'extractive', ...summary(READING_SOURCE_SENTENCES[1]!) },
      translations,
      options: { summary: { mode: 'extractive', type: 'key-points', length: 'short' }, translate: 'both' },
    },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as ShareCreated;
}
