import { describe, expect, it } from 'vitest';
import { isBitextError } from '@/lib/errors';
import { translationRoute } from '@/lib/models/registry';
import { sentencesOf } from '@/lib/pipeline/document';
import type { ProgressEvent } from '@/lib/pipeline/events';
import { translateSentences } from '@/lib/pipeline/translate';
import { readArticle, scriptShare, configureFixtureModels } from '../support/fixture-models';

const { device } = configureFixtureModels();
const context = { device };
/** The translated texts alone. */
const translate = (...args: Parameters<typeof translateSentences>) =>
  translateSentences(...args).then((out) => out.map((t) => t.text));
const route = (target: 'ru' | 'hi' | 'zh-Hans' | 'ar') => translationRoute('fixtures', 'en', target)!;

// translit-ru maps Latin letters one-to-one, so the expected Cyrillic can be read off the source.
const LONG =
  'He pointed out that the flow of terrorists to Syria continues despite Russian calls for the US to help close the Turkish-Syrian borders, adding that Turkey has not given up its attempts.';

describe('translateSentences', () => {
  it('returns one translation per sentence, in order, in the target script', async () => {
    const sentences = ['Moscow, SANA.', 'Lavrov said so.', 'The talks go on.'];
    const out = await translate(sentences, route('ru'), context);
    expect(out).toEqual(['Мосцов, САНА.', 'Лавров саид со.', 'Тхе талкс го он.']);
  });

  it('splits a sentence longer than the model budget and rejoins it without loss', async () => {
    expect(LONG.length).toBeGreaterThan(128);
    const [out] = await translate([LONG], route('ru'), context);
    // Same words, same count: nothing was cut at the 128-token budget.
    expect(out?.split(' ')).toHaveLength(LONG.split(' ').length);
    expect(out?.endsWith('аттемптс.')).toBe(true);
    expect(scriptShare(out ?? '', 'Cyrillic')).toBe(1);
  });

  it('keeps every sentence of the seed article across batches, in all three scripts', async () => {
    const sentences = sentencesOf(readArticle('en-sana-lavrov.txt'), 'en').map((s) => s.text);
    const progress: ProgressEvent[] = [];
    for (const [target, script] of [
      ['ru', 'Cyrillic'],
      ['hi', 'Devanagari'],
      ['zh-Hans', 'Han'],
    ] as const) {
      const out = await translate(sentences, route(target), {
        ...context,
        batchSize: 4,
        onProgress: (e) => progress.push(e),
      });
      expect(out).toHaveLength(sentences.length);
      for (const line of out) expect(scriptShare(line, script)).toBeGreaterThan(0.9);
    }
    const steps = progress.filter((e) => e.type === 'step');
    expect(steps.at(-1)).toMatchObject({ task: 'translate', language: 'zh-Hans' });
    expect(steps.every((e) => e.done <= e.total)).toBe(true);
  });

  it('leaves empty sentences empty and keeps the alignment', async () => {
    const out = await translate(['One.', '  ', 'Two.'], route('ru'), context);
    expect(out).toEqual(['Оне.', '', 'Тво.']);
  });

  it('translates a repeated sentence once and gives every copy the same translation', async () => {
    const progress: ProgressEvent[] = [];
    const out = await translate(['Lavrov said so.', 'The talks go on.', 'Lavrov said so.'], route('ru'), {
      ...context,
      onProgress: (e) => progress.push(e),
    });
    expect(out).toEqual(['Лавров саид со.', 'Тхе талкс го он.', 'Лавров саид со.']);
    // Two pieces went to the model, not three.
    expect(progress.filter((e) => e.type === 'step').at(-1)).toMatchObject({ done: 2, total: 2 });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      translate(['One.'], route('ru'), { ...context, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('reports a missing model as model_unavailable with its size and the remedy', async () => {
    const error = await translate(['One.'], route('ar'), { ...context, profile: 'fixtures' }).catch(
      (e: unknown) => e,
    );
    expect(isBitextError(error) && error.code).toBe('model_unavailable');
    expect(String((error as Error).message)).toMatch(
      /bitext-fixtures\/missing-ar.*MB.*npm run models:pull -- ar.*on a connected machine/,
    );
  });
});
