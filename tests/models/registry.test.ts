import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/lib/langs';
import {
  isNonCommercial,
  modelFiles,
  nonCommercialModels,
  modelsForLanguages,
  placementFor,
  pullLanguages,
  summarizerModel,
  summaryRoute,
  translationRoute,
  translationTargets,
  type ModelSpec,
} from '@/lib/models/registry';

function modelFor(source: 'en' | 'it' | 'es' | 'ja' | 'ru', target: 'en' | 'it' | 'es' | 'ru' | 'hi'): ModelSpec {
  const model = translationRoute('default', source, target)?.[0]?.model;
  if (!model) throw new Error(`no model for ${source}→${target}`);
  return model;
}

const everyModel = (profile: 'default' | 'fixtures') =>
  modelsForLanguages(
    profile,
    LANGUAGES.map((l) => l.code),
  );

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

  it('describes each model with a size for every dtype it loads, a licence and an input budget', () => {
    for (const spec of everyModel('default')) {
      for (const dtype of Object.values(spec.dtype)) expect(spec.sizeMB[dtype]).toBeGreaterThan(0);
      expect(spec.license).not.toBe('');
      expect(spec.maxInputTokens).toBeGreaterThan(0);
    }
  });
});

describe('the registry states facts (model cards and hub listings)', () => {
  it('counts the q8 encoder + merged decoder and tokenizer.json (5 MB for opus-mt) in the download', () => {
    expect(modelFor('en', 'it').sizeMB.q8).toBe(134);
    expect(modelFor('it', 'en').sizeMB.q8).toBe(134);
    expect(modelFor('en', 'es').sizeMB.q8).toBe(118);
    expect(modelFor('es', 'en').sizeMB.q8).toBe(118);
    expect(modelFor('ja', 'en').sizeMB.q8).toBe(114);
    // 419 + 476 MB of q8 weights and a 17 MB tokenizer.
    expect(translationRoute('default', 'ru', 'hi')?.[0]?.model.sizeMB.q8).toBe(912);
  });

  it("gives each model its own card's licence: NLLB-200 is non-commercial, opus-mt cards differ", () => {
    const nllb = modelFor('ru', 'hi');
    expect([nllb.id, nllb.license, isNonCommercial(nllb)]).toEqual([
      'Xenova/nllb-200-distilled-600M',
      'CC-BY-NC-4.0',
      true,
    ]);
    expect([modelFor('en', 'ru').license, modelFor('ru', 'en').license]).toEqual(['Apache-2.0', 'CC-BY-4.0']);
    expect(everyModel('default').filter(isNonCommercial).map((s) => s.id)).toEqual([
      'Xenova/nllb-200-distilled-600M',
    ]);
  });

  it('names the non-commercial models among those a result lists, with their licence', () => {
    const route = translationRoute('default', 'ru', 'pt')?.map((l) => l.model.id) ?? [];
    expect(nonCommercialModels(['Xenova/opus-mt-en-ru', ...route])).toEqual([
      { model: 'Xenova/nllb-200-distilled-600M', license: 'CC-BY-NC-4.0' },
    ]);
    expect(nonCommercialModels(['Xenova/opus-mt-en-ru'])).toEqual([]);
  });
});

describe('BITEXT_ALLOW_NONCOMMERCIAL=0 (no NLLB-200)', () => {
  const commercial = { allowNonCommercial: false };

  it('goes through English with opus-mt where NLLB served a pair directly', () => {
    expect(translationRoute('default', 'ru', 'hi', commercial)?.map((l) => l.model.id)).toEqual([
      'Xenova/opus-mt-ru-en',
      'Xenova/opus-mt-en-hi',
    ]);
  });

  it('has no route for a pair only NLLB serves, and lists it as no target', () => {
    expect(translationRoute('default', 'en', 'pt')).toBeDefined();
    expect(translationRoute('default', 'en', 'pt', commercial)).toBeUndefined();
    expect(translationTargets('default', 'en', commercial)).not.toContain('pt');
    expect(translationTargets('default', 'en', commercial)).toContain('ru');
    expect(modelsForLanguages('default', ['pt', 'ru'], commercial).map((s) => s.id)).not.toContain(
      'Xenova/nllb-200-distilled-600M',
    );
  });
});

describe('dtype per device', () => {
  it('never loads q8 on WebGPU, and q8 on the CPU and WebAssembly', () => {
    for (const spec of [...everyModel('default'), ...everyModel('fixtures')]) {
      expect([spec.id, spec.dtype.cpu, spec.dtype.wasm]).toEqual([spec.id, 'q8', 'q8']);
      expect([spec.id, spec.dtype.webgpu]).not.toEqual([spec.id, 'q8']);
    }
  });

  it('uses the fp16 files on WebGPU where the repository ships them, fp32 where it does not', () => {
    expect(placementFor(modelFor('en', 'ru'), 'webgpu')).toEqual({ device: 'webgpu', dtype: 'fp16' });
    expect(placementFor(summarizerModel('default'), 'webgpu')).toEqual({ device: 'webgpu', dtype: 'fp32' });
    expect(placementFor(summarizerModel('fixtures'), 'webgpu')).toEqual({ device: 'webgpu', dtype: 'fp32' });
  });

  it('runs an fp16 model on WebAssembly (q8) when the adapter has no fp16 shaders', () => {
    const spec = modelFor('en', 'ru');
    expect(placementFor(spec, 'webgpu', { shaderF16: false })).toEqual({ device: 'wasm', dtype: 'q8' });
    // fp32 needs no fp16 shaders.
    expect(placementFor(summarizerModel('fixtures'), 'webgpu', { shaderF16: false })).toEqual({
      device: 'webgpu',
      dtype: 'fp32',
    });
    expect(placementFor(spec, 'cpu')).toEqual({ device: 'cpu', dtype: 'q8' });
    expect(placementFor(spec, 'wasm')).toEqual({ device: 'wasm', dtype: 'q8' });
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

  it("lists another dtype's ONNX files", () => {
    expect(modelFiles(modelFor('en', 'ru'), 'fp16').slice(-2)).toEqual([
      'onnx/encoder_model_fp16.onnx',
      'onnx/decoder_model_merged_fp16.onnx',
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
