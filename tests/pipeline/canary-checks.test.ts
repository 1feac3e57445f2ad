import { describe, expect, it } from 'vitest';
import { checkSummary, checkTranslation } from '@/lib/pipeline/canary-checks';

const failed = (checks: { name: string; ok: boolean }[]) => checks.filter((c) => !c.ok).map((c) => c.name);

const SOURCE = 'The foreign minister met his Syrian counterpart in Moscow on Monday.';

describe('canary checks', () => {
  it('pass a plausible Russian, Chinese and Hindi translation', () => {
    const pair = (target: 'ru' | 'zh-Hans' | 'hi') => ({ source: 'en' as const, target });
    expect(
      failed(
        checkTranslation(
          SOURCE,
          'Министр иностранных дел встретился с сирийским коллегой в Москве.',
          pair('ru'),
        ),
      ),
    ).toEqual([]);
    expect(
      failed(checkTranslation(SOURCE, '外交部长周一在莫斯科会见了叙利亚外长。', pair('zh-Hans'))),
    ).toEqual([]);
    expect(
      failed(
        checkTranslation(SOURCE, 'विदेश मंत्री ने सोमवार को मास्को में अपने सीरियाई समकक्ष से मुलाकात की।', pair('hi')),
      ),
    ).toEqual([]);
  });

  it('catch output in the wrong script (an untranslated echo)', () => {
    expect(failed(checkTranslation(SOURCE, SOURCE, { source: 'en', target: 'ru' }))).toEqual(['script']);
    expect(
      failed(
        checkTranslation(SOURCE, 'Министр NATO встретился с коллегой OTAN в Москве.', {
          source: 'en',
          target: 'ru',
        }),
      ),
    ).toEqual([]);
  });

  it('catch a loop, in words and in characters', () => {
    const looping = 'Министр встретился с коллегой, с коллегой, с коллегой, с коллегой.';
    expect(failed(checkTranslation(SOURCE, looping, { source: 'en', target: 'ru' }))).toEqual(['repetition']);
    expect(
      failed(
        checkTranslation(SOURCE, '外交部长在莫斯科会见了了了了了了叙利亚外长。', {
          source: 'en',
          target: 'zh-Hans',
        }),
      ),
    ).toEqual(['repetition']);
    // Ordinary repetition is not a loop.
    expect(
      failed(
        checkTranslation(SOURCE, 'Да, да, министр сказал в Москве: да, переговоры были.', {
          source: 'en',
          target: 'ru',
        }),
      ),
    ).toEqual([]);
  });

  it('catch output far too long or too short for its source', () => {
    const pair = { source: 'en', target: 'ru' } as const;
    expect(failed(checkTranslation(SOURCE, 'Министр.', pair))).toEqual(['length']);
    const rambling = [
      'Министр иностранных дел встретился с сирийским коллегой в Москве в понедельник.',
      'Он добавил, что переговоры продолжатся на следующей неделе в другом городе.',
      'После этого журналисты долго задавали вопросы о ситуации в регионе.',
    ].join(' ');
    expect(failed(checkTranslation(SOURCE, rambling, pair))).toEqual(['length']);
    expect(failed(checkTranslation(SOURCE, '  ', pair))).toEqual(['empty']);
  });

  it('want a summary shorter than its input', () => {
    expect(failed(checkSummary(`${SOURCE} ${SOURCE}`, 'The minister met his counterpart.', 'en'))).toEqual(
      [],
    );
    expect(failed(checkSummary(SOURCE, SOURCE.toUpperCase(), 'en'))).toEqual(['shorter']);
  });
});
