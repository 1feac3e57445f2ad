import { describe, expect, it } from 'vitest';
import { translationRoute, type TranslationRoute } from '@/lib/models/registry';
import { sentencesOf } from '@/lib/pipeline/document';
import { translateSentences } from '@/lib/pipeline/translate';
import { configureFixtureModels, readArticle } from '../support/fixture-models';

/**
 * What real weights do and well-behaved fixtures hide: generation on our side must not depend on a model
 * going quiet once it has finished, or on its output being no longer than its input.
 */
const { device } = configureFixtureModels();
const seedSentences = sentencesOf(readArticle('en-sana-lavrov.txt'), 'en').map((s) => s.text);

/** The en→ru route, served by another fixture translator (same vocabulary as translit-ru). */
function routeThrough(model: 'chatty-ru' | 'double-ru'): TranslationRoute {
  const [leg] = translationRoute('fixtures', 'en', 'ru')!;
  return [{ ...leg!, model: { ...leg!.model, id: `bitext-fixtures/${model}` } }];
}

/** The translated texts alone. */
const translate = (...args: Parameters<typeof translateSentences>) =>
  translateSentences(...args).then((out) => out.map((t) => t.text));
const letters = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;
const HUNDRED_WORDS = Array.from(
  { length: 100 },
  (_, i) => ['talks', 'go', 'on', 'in', 'Moscow'][i % 5],
).join(' ');

describe('a row of a batch that has finished', () => {
  // chatty-ru decodes padding to a letter: once its input is </s>, a finished row keeps talking.
  const chatty = routeThrough('chatty-ru');

  it('stays finished: the seed article translates the same batched as one sentence at a time', async () => {
    const alone = await translate(seedSentences, chatty, { device, batchSize: 1 });
    const batched = await translate(seedSentences, chatty, { device, batchSize: 4 });
    expect(batched).toEqual(alone);
  });

  it('stays finished beside a much longer sentence', async () => {
    const batch = ['Lavrov spoke.', `${HUNDRED_WORDS}.`];
    const alone = await translate(batch, chatty, { device, batchSize: 1 });
    const batched = await translate(batch, chatty, { device, batchSize: 2 });
    expect(batched).toEqual(alone);
    expect(batched[0]).toBe('Лавров споке.');
  });
});

describe('a translation longer than its source', () => {
  // double-ru writes every token twice: an output twice as long as its input, in tokens.
  const double = routeThrough('double-ru');

  it('is never cut, however long the sentence', async () => {
    const sentences = [...seedSentences, `${HUNDRED_WORDS}.`];
    const out = await translate(sentences, double, { device });
    sentences.forEach((sentence, i) => expect(letters(out[i]!)).toBe(2 * letters(sentence)));
  });
});
