import type { Tensor } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import type { LanguageCode } from '@/lib/langs';
import { translationRoute, type TranslationRoute } from '@/lib/models/registry';
import { loadModel } from '@/lib/pipeline/load';
import { toSummarySentences, translateSentences } from '@/lib/pipeline/translate';
import { cleanArticle, sentencesOf } from '@/lib/pipeline/document';
import { configureFixtureModels, readArticle } from '../support/fixture-models';

/** Fixture translators that each fail one way, as real weights can; translit-ru itself is sound. */
const { device } = configureFixtureModels();

function routeThrough(model: string, target: LanguageCode = 'ru'): TranslationRoute {
  const [leg] = translationRoute('fixtures', 'en', target)!;
  return [{ ...leg!, model: { ...leg!.model, id: `bitext-fixtures/${model}` } }];
}

/** Rows of every generate() call the route's model makes from now on. */
async function watchBatches(route: TranslationRoute): Promise<number[]> {
  const pipe = await loadModel(route[0]!.model, { device });
  const model = pipe.model as unknown as { generate: (options: { input_ids: Tensor }) => Promise<Tensor> };
  const generate = model.generate.bind(model);
  const rows: number[] = [];
  model.generate = (options) => {
    rows.push(options.input_ids.dims[0]!);
    return generate(options);
  };
  return rows;
}

// No doubled letters: doubling them would make a loop of its own ("лл" twice is "лллл").
const SENTENCES = ['The talks in Moscow went on for hours on Monday.', 'Lavrov spoke to reporters after it.'];

describe('a doubtful translation', () => {
  it.each([
    ['mute-ru', 'ru', 'empty'],
    ['translit-ru', 'hi', 'wrong_script'],
    ['stuck-ru', 'ru', 'repetition'],
    ['double-ru', 'ru', 'too_long'],
    ['terse-ru', 'ru', 'too_short'],
  ] as const)('from %s (into %s) is retried alone, then flagged %s', async (model, target, reason) => {
    const route = routeThrough(model, target);
    const rows = await watchBatches(route);
    const out = await translateSentences(SENTENCES, route, { device, batchSize: 2 });
    expect(out.map((t) => t.doubtful)).toEqual([reason, reason]);
    // One batch, then each sentence again on its own.
    expect(rows).toEqual([2, 1, 1]);
  });

  it('is not what a sound translation into a denser script is (Chinese)', async () => {
    const sentences = sentencesOf(cleanArticle(readArticle('en-sana-lavrov.txt')).body, 'en').map(
      (s) => s.text,
    );
    const out = await translateSentences(sentences, translationRoute('fixtures', 'en', 'zh-Hans')!, {
      device,
    });
    expect(out.map((t) => t.doubtful)).toEqual(sentences.map(() => undefined));
  });

  it('is not what a sound translation is', async () => {
    const route = translationRoute('fixtures', 'en', 'ru')!;
    const rows = await watchBatches(route);
    const out = await translateSentences(SENTENCES, route, { device, batchSize: 2 });
    expect(out.map((t) => t.doubtful)).toEqual([undefined, undefined]);
    expect(out[1]?.text).toBe('Лавров споке то репортерс афтер ит.');
    expect(rows).toEqual([2]);
  });
});

describe('a translated summary', () => {
  it('keeps what each sentence quotes and carries its doubt', async () => {
    const route = routeThrough('mute-ru');
    const out = await translateSentences(SENTENCES, route, { device, batchSize: 2 });
    const sentences = toSummarySentences(
      [
        { text: SENTENCES[0]!, sources: [3] },
        { text: SENTENCES[1]!, sources: [5, 6] },
      ],
      out,
    );
    expect(sentences).toEqual([
      { text: '', sources: [3], doubtful: 'empty' },
      { text: '', sources: [5, 6], doubtful: 'empty' },
    ]);
  });
});
