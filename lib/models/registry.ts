/**
 * DATA ONLY: which model serves which task and language pair. Model ids live here and nowhere else;
 * the rest of the code asks for "the summariser" or "a translator from en to ru".
 *
 * Two profiles: `default` (real models from the hub or BITEXT_MODELS_DIR) and `fixtures` (tiny
 * deterministic models made by `npm run fixtures`, so tests can assert exactly which model served what).
 */
import { LANGUAGES, getLanguage, type LanguageCode } from '@/lib/langs';

export type ModelProfile = 'default' | 'fixtures';
export type ModelTask = 'translation' | 'summarization';
export type Dtype = 'fp32' | 'fp16' | 'q8';
/** The ONNX modules of an encoder–decoder model, as transformers.js names them. */
export type ModelModule = 'encoder_model' | 'decoder_model_merged';

export interface ModelSpec {
  id: string;
  task: ModelTask;
  architecture: 'marian' | 'nllb' | 'bart';
  dtype: Record<ModelModule, Dtype>;
  /** Approximate download size of the files `dtype` selects, in MB. */
  sizeMB: number;
  license: string;
  /** Input budget per generate() call, from the model card (chunk to this, never truncate). */
  maxInputTokens: number;
}

/** One model call in a translation route. */
export interface TranslationLeg {
  model: ModelSpec;
  source: LanguageCode;
  target: LanguageCode;
  /** Sentence-initial token a multi-target Marian model needs (e.g. opus-mt-en-zh's `>>cmn_Hans<<`). */
  targetToken?: string;
  /** NLLB's FLORES-200 codes. */
  srcLang?: string;
  tgtLang?: string;
}

/** The model calls that make a translation, in order (one, while every pair has a direct model or NLLB). */
export type TranslationRoute = readonly TranslationLeg[];

const Q8: Record<ModelModule, Dtype> = { encoder_model: 'q8', decoder_model_merged: 'q8' };

function opus(source: string, target: string, sizeMB: number): ModelSpec {
  return {
    id: `Xenova/opus-mt-${source}-${target}`,
    task: 'translation',
    architecture: 'marian',
    dtype: Q8,
    sizeMB,
    license: 'CC-BY-4.0',
    maxInputTokens: 512,
  };
}

const NLLB: ModelSpec = {
  id: 'Xenova/nllb-200-distilled-600M',
  task: 'translation',
  architecture: 'nllb',
  dtype: Q8,
  sizeMB: 910,
  license: 'CC-BY-NC-4.0',
  maxInputTokens: 512,
};

const DISTILBART: ModelSpec = {
  id: 'Xenova/distilbart-cnn-6-6',
  task: 'summarization',
  architecture: 'bart',
  dtype: Q8,
  sizeMB: 285,
  license: 'Apache-2.0',
  maxInputTokens: 1024,
};

interface DirectPair {
  source: LanguageCode;
  target: LanguageCode;
  model: ModelSpec;
  targetToken?: string;
}

// Helsinki-NLP opus-mt pairs with transformers.js (Xenova) ONNX exports. Multi-target models need a
// target token (see each model card). Pairs without an entry fall back to NLLB.
const OPUS_EN_ZH = opus('en', 'zh', 113);
const OPUS_PAIRS: DirectPair[] = [
  { source: 'en', target: 'ru', model: opus('en', 'ru', 111) },
  { source: 'en', target: 'zh-Hans', model: OPUS_EN_ZH, targetToken: '>>cmn_Hans<<' },
  { source: 'en', target: 'zh-Hant', model: OPUS_EN_ZH, targetToken: '>>cmn_Hant<<' },
  { source: 'en', target: 'hi', model: opus('en', 'hi', 110) },
  { source: 'en', target: 'de', model: opus('en', 'de', 106) },
  { source: 'en', target: 'fr', model: opus('en', 'fr', 107) },
  { source: 'en', target: 'es', model: opus('en', 'es', 111) },
  { source: 'en', target: 'it', model: opus('en', 'it', 109) },
  { source: 'en', target: 'uk', model: opus('en', 'uk', 111) },
  { source: 'en', target: 'ar', model: opus('en', 'ar', 111), targetToken: '>>ara<<' },
  { source: 'ru', target: 'en', model: opus('ru', 'en', 111) },
  { source: 'zh-Hans', target: 'en', model: opus('zh', 'en', 113) },
  { source: 'zh-Hant', target: 'en', model: opus('zh', 'en', 113) },
  { source: 'hi', target: 'en', model: opus('hi', 'en', 110) },
  { source: 'de', target: 'en', model: opus('de', 'en', 106) },
  { source: 'fr', target: 'en', model: opus('fr', 'en', 107) },
  { source: 'es', target: 'en', model: opus('es', 'en', 111) },
  { source: 'it', target: 'en', model: opus('it', 'en', 109) },
  { source: 'uk', target: 'en', model: opus('uk', 'en', 111) },
  { source: 'ar', target: 'en', model: opus('ar', 'en', 111) },
  { source: 'ja', target: 'en', model: opus('ja', 'en', 113) },
  { source: 'ko', target: 'en', model: opus('ko', 'en', 113) },
  { source: 'tr', target: 'en', model: opus('tr', 'en', 111) },
];

/** Fixture models: translit-<script> "translates" Latin letters into that script; upper upper-cases. */
function fixture(name: string, task: ModelTask, architecture: ModelSpec['architecture']): ModelSpec {
  return {
    id: `bitext-fixtures/${name}`,
    task,
    architecture,
    dtype: Q8,
    sizeMB: 0.1,
    license: 'MIT',
    // Small on purpose: the seed article's long sentences must go through chunking.
    maxInputTokens: 128,
  };
}

const FIXTURE_TRANSLATORS: Partial<Record<LanguageCode, ModelSpec>> = {
  ru: fixture('translit-ru', 'translation', 'marian'),
  uk: fixture('translit-ru', 'translation', 'marian'),
  hi: fixture('translit-hi', 'translation', 'marian'),
  'zh-Hans': fixture('translit-zh', 'translation', 'marian'),
  'zh-Hant': fixture('translit-zh', 'translation', 'marian'),
  ja: fixture('translit-zh', 'translation', 'marian'),
  // Never generated: lets tests see what a missing model looks like.
  ar: fixture('missing-ar', 'translation', 'marian'),
};
const FIXTURE_SUMMARIZER = fixture('upper', 'summarization', 'bart');

function floresCode(code: LanguageCode): string {
  const language = getLanguage(code);
  if (!language) throw new Error(`Unknown language ${code}`);
  return language.flores;
}

function directLeg(profile: ModelProfile, source: LanguageCode, target: LanguageCode): TranslationLeg | undefined {
  if (profile === 'fixtures') {
    const model = FIXTURE_TRANSLATORS[target];
    return model && { model, source, target };
  }
  const pair = OPUS_PAIRS.find((p) => p.source === source && p.target === target);
  if (pair) return { model: pair.model, source, target, targetToken: pair.targetToken };
  return { model: NLLB, source, target, srcLang: floresCode(source), tgtLang: floresCode(target) };
}

/**
 * The model that translates `source` into `target`: a direct opus-mt pair where one exists, else NLLB, which
 * covers every pair of the table, so no pair needs two legs through English. `undefined` when no model
 * does (the fixtures profile has none into English).
 */
export function translationRoute(
  profile: ModelProfile,
  source: LanguageCode,
  target: LanguageCode,
): TranslationRoute | undefined {
  if (source === target) return undefined;
  const direct = directLeg(profile, source, target);
  return direct && [direct];
}

/** Every language `source` can be translated into under this profile. */
export function translationTargets(profile: ModelProfile, source: LanguageCode): LanguageCode[] {
  return LANGUAGES.map((l) => l.code).filter((target) => translationRoute(profile, source, target));
}

/** The abstractive summariser; it reads and writes English (`language`). */
export function summarizerModel(profile: ModelProfile): ModelSpec & { language: LanguageCode } {
  return { ...(profile === 'fixtures' ? FIXTURE_SUMMARIZER : DISTILBART), language: 'en' };
}

export interface SummaryRoute {
  summarizer: ModelSpec & { language: LanguageCode };
  /** What brings the article into the summariser's language first; empty when it is written in it. */
  pivot: TranslationRoute;
}

/**
 * How an abstractive summary of an article in `language` is made; `undefined` when no model translates it
 * into the summariser's language.
 */
export function summaryRoute(profile: ModelProfile, language: LanguageCode): SummaryRoute | undefined {
  const summarizer = summarizerModel(profile);
  if (language === summarizer.language) return { summarizer, pivot: [] };
  const pivot = translationRoute(profile, language, summarizer.language);
  return pivot && { summarizer, pivot };
}

const DTYPE_SUFFIX: Record<Dtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized' };

/** The files transformers.js reads for this model, relative to its folder (what `models:pull` fetches). */
export function modelFiles(spec: ModelSpec): string[] {
  return [
    'config.json',
    'generation_config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    ...Object.entries(spec.dtype).map(([module, dtype]) => `onnx/${module}${DTYPE_SUFFIX[dtype]}.onnx`),
  ];
}

/** The distinct models needed to translate between English and each of `languages`, plus the summariser. */
export function modelsForLanguages(profile: ModelProfile, languages: LanguageCode[]): ModelSpec[] {
  const specs = new Map<string, ModelSpec>();
  const add = (spec: ModelSpec) => specs.set(spec.id, spec);
  add(summarizerModel(profile));
  for (const language of languages) {
    for (const [source, target] of [
      ['en', language],
      [language, 'en'],
    ] as const) {
      for (const leg of translationRoute(profile, source, target) ?? []) add(leg.model);
    }
  }
  return [...specs.values()];
}

/** The languages whose `models:pull` fetches this model; none for the summariser, which every pull fetches. */
export function pullLanguages(profile: ModelProfile, spec: ModelSpec): LanguageCode[] {
  if (spec.id === summarizerModel(profile).id) return [];
  return LANGUAGES.map((l) => l.code).filter(
    (code) => code !== 'en' && modelsForLanguages(profile, [code]).some((model) => model.id === spec.id),
  );
}
