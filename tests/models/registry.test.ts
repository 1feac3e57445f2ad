import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/lib/langs';
import {
  modelFiles,
  modelsForLanguages,
  pullLanguages,
  summarizerModel,
  summaryRoute,
  translationRoute,
  translationTargets,
} from '@/lib/models/registry';

describe('translation routes (default profile)', () => {
  it('uses a direct opus-mt model for en→ru, en→hi and zh→en', () => {
    expect(translationRoute('default', 'en', 'ru')?.map((l) => l.model.id)).toEqual(['Xenova/opus-mt-en-ru']);
    expect(translationRoute('default', 'en', 'hi')?.map((l) => l.model.id)).toEqual(['Xenova/opus-mt-en-hi']);
    expect(translationRoute('default', 'zh-Hant', 'en')?.map((l) => l.model.id)).toEqual([
      'Xenova/opus-mt-zh-en',
    ]);
  });

  it('gives the multi-target en→zh model its script token', () => {
    expect(translationRoute('default', 'en', 'zh-Hans')?.[0]?.targetToken).toBe('>>cmn_Hans<<');
    expect(translationRoute('default', 'en', 'zh-Hant')?.[0]?.targetToken).toBe('>>cmn_Hant<<');
  });

  it('falls back to NLLB with FLORES codes where no opus-mt pair exists', () => {
    const [leg, ...rest] = translationRoute('default', 'ru', 'hi') ?? [];
    expect(rest).toEqual([]);
    expect(leg?.model.id).toBe('Xenova/nllb-200-distilled-600M');
    expect([leg?.srcLang, leg?.tgtLang]).toEqual(['rus_Cyrl', 'hin_Deva']);
  });

  it('can translate every table language into every other', () => {
    for (const { code } of LANGUAGES) {
      expect(translationTargets('default', code)).toHaveLength(LANGUAGES.length - 1);
    }
  });

  it('describes each model with size, licence, dtype and an input budget', () => {
    for (const spec of modelsForLanguages('default', ['ru', 'zh-Hans', 'hi'])) {
      expect(spec.sizeMB).toBeGreaterThan(0);
      expect(spec.license).not.toBe('');
      expect(spec.maxInputTokens).toBeGreaterThan(0);
      expect(Object.keys(spec.dtype).sort()).toEqual(['decoder_model_merged', 'encoder_model']);
    }
  });
});

describe('fixtures profile', () => {
  it('maps each target to the fixture model of its script', () => {
    const model = (target: 'ru' | 'hi' | 'zh-Hans') => translationRoute('fixtures', 'en', target)?.[0]?.model.id;
    expect([model('ru'), model('hi'), model('zh-Hans')]).toEqual([
      'bitext-fixtures/translit-ru',
      'bitext-fixtures/translit-hi',
      'bitext-fixtures/translit-zh',
    ]);
    expect(summarizerModel('fixtures').id).toBe('bitext-fixtures/upper');
  });

  it('has no route for a target without a fixture model', () => {
    expect(translationRoute('fixtures', 'en', 'de')).toBeUndefined();
  });
});

describe('modelFiles', () => {
  it('lists the config, tokenizer and the q8 ONNX files transformers.js reads', () => {
    expect(modelFiles(summarizerModel('default'))).toEqual([
      'config.json',
      'generation_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
      'onnx/encoder_model_quantized.onnx',
      'onnx/decoder_model_merged_quantized.onnx',
    ]);
  });

  it('pulls the summariser and both directions of each language, once each', () => {
    const ids = modelsForLanguages('default', ['ru', 'zh-Hans', 'zh-Hant']).map((s) => s.id);
    expect(ids).toEqual([
      'Xenova/distilbart-cnn-6-6',
      'Xenova/opus-mt-en-ru',
      'Xenova/opus-mt-ru-en',
      'Xenova/opus-mt-en-zh',
      'Xenova/opus-mt-zh-en',
    ]);
  });
});

describe('summaryRoute', () => {
  it('summarises English as it is, and brings another language to English first', () => {
    expect(summaryRoute('default', 'en')).toEqual({ summarizer: summarizerModel('default'), pivot: [] });
    expect(summaryRoute('default', 'ru')?.pivot.map((leg) => [leg.model.id, leg.target])).toEqual([
      ['Xenova/opus-mt-ru-en', 'en'],
    ]);
  });

  it('has none where nothing translates into English (no fixture model does)', () => {
    expect(summaryRoute('fixtures', 'en')?.summarizer.id).toBe('bitext-fixtures/upper');
    expect(summaryRoute('fixtures', 'de')).toBeUndefined();
  });
});

describe('pullLanguages', () => {
  it('names the languages whose `models:pull` fetches a model', () => {
    expect(pullLanguages('default', translationRoute('default', 'en', 'ru')![0]!.model)).toEqual(['ru']);
    expect(pullLanguages('default', translationRoute('default', 'en', 'zh-Hans')![0]!.model)).toEqual([
      'zh-Hans',
      'zh-Hant',
    ]);
    expect(pullLanguages('fixtures', translationRoute('fixtures', 'en', 'ar')![0]!.model)).toEqual(['ar']);
    // Every pull fetches the summariser.
    expect(pullLanguages('default', summarizerModel('default'))).toEqual([]);
  });
});
