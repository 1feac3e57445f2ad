import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { stripBoilerplate } from '@/lib/text/boilerplate';

const seed = readFileSync(new URL('../fixtures/articles/en-sana-lavrov.txt', import.meta.url), 'utf8');

/** Every non-blank input line ends up either in the body or in `removed`, never both, never neither. */
function expectNothingLost(input: string, result: ReturnType<typeof stripBoilerplate>): void {
  const inputLines = input.split('\n').filter((line) => line.trim());
  const bodyLines = result.body.split('\n').filter((line) => line.trim());
  expect([...bodyLines, ...result.removed.map((r) => r.line)].sort()).toEqual([...inputLines].sort());
  for (const { line, index } of result.removed) expect(input.split('\n')[index]).toBe(line);
}

describe('stripBoilerplate', () => {
  it('keeps the whole body of the seed article and removes its byline and "Check Also" block', () => {
    const result = stripBoilerplate(seed);
    expect(result.body).toBe(seed.slice(0, seed.indexOf('\n\nHazem Sabbagh')));
    expect(result.body).toMatch(
      /^Lavrov: Russia isn’t’ conducting any secret negotiations about Syria\n\nMoscow, SANA – /u,
    );
    expect(result.body).toMatch(/direct Turkish aggression against Syria\.$/u);
    expect(result.removed).toEqual([
      { line: 'Hazem Sabbagh', index: 16, reason: 'byline' },
      { line: 'Check Also', index: 18, reason: 'related-links' },
      {
        line: 'Festivity held on the inscription of “the crafting and Playing the Oud” on UNESCO’s Intangible Cultural Heritage List',
        index: 20,
        reason: 'related-links',
      },
      {
        line: 'Damascus, SANA-Culture Ministry, in cooperation with Syria Trust for Development organized on Thursday a festivity …',
        index: 22,
        reason: 'related-links',
      },
    ]);
    expectNothingLost(seed, result);
  });

  it('keeps an article whose real paragraphs look like markers or end in a short sentence', () => {
    const article = [
      'Geneva Talks Stall Again',
      '',
      'Share prices in Moscow fell after the envoy left Geneva on Monday.',
      '',
      'Read more about the talks in our explainer, the envoy told reporters.',
      '',
      'Staffan de Mistura',
      '',
      'The envoy, who has led the UN effort since 2014, said the next round would start soon.',
      '',
      'Follow the money, one diplomat said.',
      '',
      'Related-party deals between Ankara and Moscow rose in 2016.',
      '',
      'A regulator said the ministry website uses cookies without consent.',
      '',
      'Talks resume on Monday.',
    ].join('\n');
    const result = stripBoilerplate(article);
    expect(result.removed).toEqual([]);
    expect(result.body).toBe(article);
  });

  it('removes share, subscribe, advertisement and cookie lines wherever they are', () => {
    const article = [
      'Turkey keeps pressing for no-fly zones',
      'By Jane Smith',
      'Share this article',
      'Ankara renewed its call for a no-fly zone over northern Syria on Tuesday.',
      '— Advertisement —',
      'The proposal has little support in the Security Council.',
      'Tweet',
      'Follow us on Twitter',
      'Subscribe to our newsletter for daily updates.',
      'We use cookies to improve your experience. Accept all cookies',
    ].join('\n');
    const result = stripBoilerplate(article);
    expect(result.body).toBe(
      [
        'Turkey keeps pressing for no-fly zones',
        'Ankara renewed its call for a no-fly zone over northern Syria on Tuesday.',
        'The proposal has little support in the Security Council.',
      ].join('\n'),
    );
    expect(result.removed.map((r) => [r.index, r.reason])).toEqual([
      [1, 'byline'],
      [2, 'share'],
      [4, 'advertisement'],
      [6, 'share'],
      [7, 'subscribe'],
      [8, 'subscribe'],
      [9, 'cookie-notice'],
    ]);
    expectNothingLost(article, result);
  });

  it('removes a lone name right under the headline but keeps the same line in mid-article', () => {
    const underHeadline = [
      'Lavrov meets Wang Yi',
      'Hazem Sabbagh',
      'Lavrov met Wang Yi in Moscow.',
      'They spoke.',
    ];
    expect(stripBoilerplate(underHeadline.join('\n')).removed).toEqual([
      { line: 'Hazem Sabbagh', index: 1, reason: 'byline' },
    ]);
    const midArticle = [
      'Lavrov meets Wang Yi',
      'Lavrov met Wang Yi in Moscow.',
      'Hazem Sabbagh',
      'They spoke.',
    ];
    expect(stripBoilerplate(midArticle.join('\n')).removed).toEqual([]);
  });

  it('drops only the marker line when a related link sits mid-article or a real sentence follows', () => {
    const article = [
      'रूस ने गुप्त वार्ता से इनकार किया',
      '',
      'रूस के विदेश मंत्री सर्गेई लावरोव ने कहा कि रूस सीरिया को लेकर कोई गुप्त बातचीत नहीं कर रहा है।',
      '',
      'यह भी पढ़ें: जिनेवा में सीरिया वार्ता फिर शुरू',
      '',
      'उन्होंने कहा कि तुर्की अब भी सीरिया के खिलाफ आक्रामकता जारी रखे हुए है।',
      '',
      'Related',
      '',
      'लावरोव ने यूरोपीय संघ की चुप्पी पर चिंता जताई।',
    ].join('\n');
    const result = stripBoilerplate(article);
    expect(result.removed.map((r) => [r.index, r.reason])).toEqual([
      [4, 'related-links'],
      [8, 'related-links'],
    ]);
    expect(result.body).toMatch(/लावरोव ने यूरोपीय संघ की चुप्पी पर चिंता जताई।$/u);
  });

  it('cuts the trailing related-stories section of Russian and Chinese articles', () => {
    const russian = [
      'Лавров: Россия не ведёт секретных переговоров по Сирии',
      '',
      'Министр иностранных дел России Сергей Лавров заявил, что Россия не ведёт никаких секретных переговоров по Сирии.',
      '',
      'Читайте также:',
      'В Женеве возобновились переговоры по Сирии',
      'Турция предложила новые бесшумные зоны',
    ].join('\n');
    const ru = stripBoilerplate(russian);
    expect(ru.body).toBe(russian.split('\n').slice(0, 3).join('\n'));
    expect(ru.removed.map((r) => r.index)).toEqual([4, 5, 6]);

    const chinese = [
      '拉夫罗夫：俄罗斯没有就叙利亚问题进行秘密谈判',
      '',
      '俄罗斯外长拉夫罗夫周一在莫斯科表示，俄方没有就叙利亚问题与任何一方进行秘密谈判。',
      '',
      '责任编辑：张三',
      '',
      '相关阅读',
      '日内瓦叙利亚和谈重启',
    ].join('\n');
    const zh = stripBoilerplate(chinese);
    expect(zh.body).toBe(chinese.split('\n').slice(0, 3).join('\n'));
    expect(zh.removed.map((r) => [r.index, r.reason])).toEqual([
      [4, 'byline'],
      [6, 'related-links'],
      [7, 'related-links'],
    ]);
  });

  it('keeps everything after a "Related" heading that stands before most of the article', () => {
    const article = [
      'Headline about Syria',
      'Related',
      'Lavrov said on Monday that Russia is not holding secret talks about Syria with anyone in Geneva.',
      'He added that such claims aim to undermine the intra-Syrian dialogue.',
    ].join('\n');
    const result = stripBoilerplate(article);
    expect(result.removed).toEqual([{ line: 'Related', index: 1, reason: 'related-links' }]);
    expect(result.body).toMatch(/intra-Syrian dialogue\.$/u);
  });
});
