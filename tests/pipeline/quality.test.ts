import { describe, expect, it } from 'vitest';
import { doubtAbout, lengthRatio, repeatedNgram, targetScriptShare } from '@/lib/pipeline/quality';

const EN_RU = { source: 'en', target: 'ru' };
const SOURCE = 'Lavrov said that Russia is conducting normal work consultations with the US.';
const GOOD = 'Лавров заявил, что Россия ведёт обычные рабочие консультации с США.';

describe('translation checks', () => {
  it('pass a sound translation, names in Latin and all', () => {
    expect(doubtAbout(SOURCE, GOOD, EN_RU)).toBeUndefined();
    expect(
      doubtAbout(
        'Lavrov met ISIS experts and the UN envoy in Geneva.',
        'Лавров встретил экспертов по ISIS и посланника ООН в Женеве.',
        EN_RU,
      ),
    ).toBeUndefined();
    expect(
      doubtAbout('Moscow, SANA.', '莫斯科，萨纳。', { source: 'en', target: 'zh-Hans' }),
    ).toBeUndefined();
    expect(
      doubtAbout(SOURCE, '拉夫罗夫说，俄罗斯正在与美国进行正常的工作磋商。', {
        source: 'en',
        target: 'zh-Hans',
      }),
    ).toBeUndefined();
  });

  it('find nothing where there was nothing to say', () => {
    expect(doubtAbout('2016.', '2016.', EN_RU)).toBeUndefined();
    expect(doubtAbout('...', '', EN_RU)).toBeUndefined();
  });

  it('name each reason', () => {
    expect(doubtAbout(SOURCE, '  ', EN_RU)).toBe('empty');
    expect(doubtAbout(SOURCE, SOURCE, EN_RU)).toBe('wrong_script');
    expect(doubtAbout(SOURCE, 'Лавров заявил заявил заявил заявил, что Россия.', EN_RU)).toBe('repetition');
    expect(doubtAbout('Hi.', 'Хи.жжжжжжжж', EN_RU)).toBe('repetition');
    expect(doubtAbout(SOURCE, `${GOOD} ${GOOD} ${GOOD}`, EN_RU)).toBe('too_long');
    expect(doubtAbout(SOURCE, 'Лавров заявил.', EN_RU)).toBe('too_short');
  });

  it('keep a loop the source has too', () => {
    expect(
      doubtAbout('No, no, no, no, said Lavrov.', 'Нет, нет, нет, нет, сказал Лавров.', EN_RU),
    ).toBeUndefined();
  });

  it('measure script, loops and length as a reader would', () => {
    expect(targetScriptShare('Лавров и ISIS', 'ru')).toBeCloseTo(7 / 11);
    expect(targetScriptShare('东京とソウル', 'ja')).toBe(1);
    expect(repeatedNgram('the talks the talks the talks the talks go on')).toBe('the talks');
    expect(repeatedNgram('ХаХаХаХа')).toBe('Ха');
    expect(repeatedNgram('Wait.... The talks go on.')).toBeUndefined();
    // Chinese writes in about a third of the characters: a faithful translation is not "too short".
    expect(
      lengthRatio(SOURCE, '拉夫罗夫说，俄罗斯正在与美国进行正常的工作磋商。', {
        source: 'en',
        target: 'zh-Hans',
      }),
    ).toBeGreaterThan(0.6);
  });
});
