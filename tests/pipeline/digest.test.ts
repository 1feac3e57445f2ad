import { describe, expect, it } from 'vitest';
import {
  digest,
  prepareDigest,
  type DigestPartial,
  type DigestRequest,
  type DigestResult,
} from '@/lib/pipeline/digest';
import { translationRoute } from '@/lib/models/registry';
import { summaryFailed } from '@/lib/pipeline/parts';
import type { SummaryResult } from '@/lib/summarize';
import type { ProgressEvent } from '@/lib/pipeline/events';
import { readArticle, scriptShare, configureFixtureModels } from '../support/fixture-models';

const context = configureFixtureModels();
const seed = readArticle('en-sana-lavrov.txt');
const SCRIPTS = { ru: 'Cyrillic', 'zh-Hans': 'Han', hi: 'Devanagari' } as const;

function madeSummary({ summary }: DigestResult): SummaryResult {
  if (summaryFailed(summary)) throw new Error(`The summary failed: ${summary.error.message}`);
  return summary;
}

describe('digest', () => {
  it('summarises the seed article and translates summary and article into three scripts', async () => {
    const partials: DigestPartial[] = [];
    const result = await digest(
      {
        text: seed,
        targets: ['ru', 'zh-Hans', 'hi'],
        summary: { mode: 'extractive', type: 'key-points', length: 'medium' },
        translate: 'both',
      },
      context,
      (p) => partials.push(p),
    );

    expect(result.language).toBe('en');
    expect(result.detection?.language).toBe('en');
    // Boilerplate is set aside, not lost.
    expect(result.removed.map((r) => r.line)).toEqual(
      expect.arrayContaining(['Hazem Sabbagh', 'Check Also']),
    );
    expect(result.sentences.some((s) => s.text.includes('Hazem Sabbagh'))).toBe(false);
    expect(madeSummary(result).sentences).toHaveLength(2);

    for (const [code, script] of Object.entries(SCRIPTS)) {
      const t = result.translations[code];
      expect(t?.error).toBeUndefined();
      expect(t?.summary?.sentences).toHaveLength(2);
      expect(scriptShare(t?.summary?.text ?? '', script)).toBeGreaterThan(0.9);
      // Every source sentence has its counterpart, in order.
      expect(t?.segments?.map((s) => s.source)).toEqual(result.sentences.map((s) => s.text));
      for (const segment of t?.segments ?? [])
        expect(scriptShare(segment.target, script)).toBeGreaterThan(0.9);
      // Paragraphs survive translation.
      expect(t?.text?.split('\n\n')).toHaveLength(new Set(result.sentences.map((s) => s.paragraph)).size);
    }
    // The summary first, then each language as its models are ready; the result keeps the chosen order.
    const order = partials.map((p) => (p.part === 'summary' ? 'summary' : p.language));
    expect(order[0]).toBe('summary');
    expect(order.slice(1).sort()).toEqual(['hi', 'ru', 'zh-Hans']);
    expect(Object.keys(result.translations)).toEqual(['ru', 'zh-Hans', 'hi']);
  });

  it('records a language whose model is missing without failing the others', async () => {
    const result = await digest(
      {
        text: seed,
        targets: ['ar', 'ru'],
        summary: { mode: 'extractive', type: 'headline', length: 'short' },
        translate: 'summary',
      },
      context,
    );
    expect(result.translations.ar?.error?.code).toBe('model_unavailable');
    expect(result.translations.ru?.error).toBeUndefined();
    expect(scriptShare(result.translations.ru?.summary?.text ?? '', 'Cyrillic')).toBe(1);
    expect(result.translations.ru?.segments).toBeUndefined();
  });

  it('a summary that cannot be made fails alone: every translation still runs', async () => {
    // Read as German, the article has no model into English for the summariser, but has translators.
    const result = await digest(
      {
        text: seed,
        source: 'de',
        targets: ['ru', 'hi'],
        summary: { mode: 'abstractive', type: 'tldr', length: 'short' },
        translate: 'both',
      },
      context,
    );
    expect(result.summary).toEqual({
      mode: 'abstractive',
      error: expect.objectContaining({
        code: 'unsupported_language',
        details: { source: 'de', target: 'en' },
      }),
    });
    for (const [code, script] of [
      ['ru', 'Cyrillic'],
      ['hi', 'Devanagari'],
    ] as const) {
      const t = result.translations[code];
      expect(t?.error).toBeUndefined();
      expect(t?.summary).toBeUndefined();
      expect(t?.segments).toHaveLength(result.sentences.length);
      expect(scriptShare(t?.text ?? '', script)).toBeGreaterThan(0.9);
    }
  });

  it('a missing model’s error says what to fetch, for which languages, and where, as data', async () => {
    const result = await digest(
      {
        text: seed,
        targets: ['ar'],
        summary: { mode: 'extractive', type: 'headline', length: 'short' },
        translate: 'summary',
      },
      { ...context, modelHost: { where: 'browser', hub: false } },
    );
    expect(result.translations.ar?.error).toMatchObject({
      code: 'model_unavailable',
      details: {
        model: 'bitext-fixtures/missing-ar',
        sizeMB: translationRoute('fixtures', 'en', 'ar')![0]!.model.sizeMB.q8,
        languages: ['ar'],
        where: 'browser',
        hub: false,
      },
    });
  });

  it('uses the summariser model for abstractive summaries', async () => {
    const result = await digest(
      {
        text: seed,
        targets: ['ru'],
        summary: { mode: 'abstractive', type: 'tldr', length: 'short' },
        translate: 'summary',
      },
      context,
    );
    expect(result.summary).toMatchObject({ mode: 'abstractive', model: 'bitext-fixtures/upper' });
    const summary = madeSummary(result);
    expect(summary.sentences).toHaveLength(1);
    expect(summary.text).toBe(summary.text.toUpperCase());
  });

  it('refuses text whose language it cannot tell, unless the source is given', async () => {
    const request = {
      text: 'Lavrov, SANA.',
      targets: ['ru' as const],
      summary: { mode: 'extractive' as const, type: 'headline' as const, length: 'short' as const },
      translate: 'summary' as const,
    };
    await expect(digest(request, context)).rejects.toMatchObject({ code: 'language_undetermined' });
    const result = await digest({ ...request, source: 'en' }, context);
    expect(result.translations.ru?.summary?.text).toBe('Лавров, САНА.');
  });

  it('prepareDigest loads every model the run will use, so the run loads none itself', async () => {
    const request: DigestRequest = {
      text: seed,
      targets: ['ru', 'hi'],
      summary: { mode: 'extractive', type: 'key-points', length: 'medium' },
      translate: 'summary',
    };
    // A thread count no other test uses gives sessions of their own: nothing is loaded for it yet.
    const modelEvents = async (threads: number) => {
      const events: ProgressEvent[] = [];
      await digest(request, { ...context, threads, onProgress: (e) => events.push(e) });
      return events.filter((e) => e.type === 'model').map((e) => e.model);
    };
    // Without preparing, the run loads both translators and says so.
    expect(new Set(await modelEvents(3)).size).toBe(2);

    await prepareDigest(
      { source: 'en', targets: request.targets, summary: request.summary },
      {
        ...context,
        threads: 1,
      },
    );
    expect(await modelEvents(1)).toEqual([]);
  });
});
