import { describe, expect, it } from 'vitest';
import { translationRoute } from '@/lib/models/registry';
import { digest } from '@/lib/pipeline/digest';
import { translateSentences } from '@/lib/pipeline/translate';
import { configureFixtureModels, scriptShare } from '../support/fixture-models';

/** Pathological articles: bounded time and memory, and not one sentence or word lost. */
const context = configureFixtureModels();
/** The translated texts alone. */
const translate = (...args: Parameters<typeof translateSentences>) =>
  translateSentences(...args).then((out) => out.map((t) => t.text));
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('pathological text', () => {
  it('an article with no sentence ends is split to the budget and comes back whole', async () => {
    const text = Array.from({ length: 3_000 }, (_, i) => `word${i % 97}`).join(' ');
    const result = await digest(
      {
        text,
        source: 'en',
        targets: ['ru'],
        summary: { mode: 'extractive', type: 'key-points', length: 'short' },
        translate: 'article',
      },
      context,
    );
    const [segment] = result.translations.ru?.segments ?? [];
    expect(result.sentences).toHaveLength(1);
    expect(words(segment?.target ?? '')).toBe(3_000);
  });

  it('5,000 sentences: every one translated', async () => {
    const sentences = Array.from({ length: 5_000 }, (_, i) => `Sentence number ${i} is here.`);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const out = await translate(sentences, translationRoute('fixtures', 'en', 'hi')!, {
      device: context.device,
      batchSize: 32,
    });
    const seconds = (performance.now() - started) / 1000;
    const heapGrowthMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    expect(out).toHaveLength(5_000);
    expect(out.every((s) => scriptShare(s, 'Devanagari') > 0.9 && words(s) === 5)).toBe(true);
    // Time is bounded by the test's timeout, not asserted (benchmarks measure speed); the numbers are logged.
    console.info(`5,000 sentences: ${seconds.toFixed(1)} s, heap +${heapGrowthMB.toFixed(0)} MB`);
  }, 180_000);
});
