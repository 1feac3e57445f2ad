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
/** Where a model runs: onnxruntime-node's CPU, or onnxruntime-web's WebAssembly or WebGPU backend. */
export type Device = 'cpu' | 'wasm' | 'webgpu';
/** The ONNX modules of an encoder–decoder model, as transformers.js names them. */
export type ModelModule = 'encoder_model' | 'decoder_model_merged';

export interface ModelSpec {
  id: string;
  task: ModelTask;
  architecture: 'marian' | 'nllb' | 'bart';
  /**
   * The weights each device loads. q8 on the CPU (a quarter of fp32's download, faster there); never q8 on
   * WebGPU, where transformers.js 3.x decodes q8 wrongly (its issues #1286, #1317, #1728): fp16 where the
   * repository ships fp16 files, fp32 where it does not.
   */
  dtype: Record<Device, Dtype>;
  /**
   * Download size in MB (10^6 bytes) of what each dtype needs: encoder + merged decoder of that dtype, plus
   * tokenizer.json (the configs are a few kB). Only the dtypes `dtype` uses are stated.
   */
  sizeMB: Partial<Record<Dtype, number>>;
  /** SPDX id, from the model card of the weights' origin (Helsinki-NLP, Meta, …). */
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

const ON_CPU = { cpu: 'q8', wasm: 'q8' } as const;

/**
 * Sizes are the hub's file listings (encoder_model + decoder_model_merged) plus tokenizer.json. Where only
 * the q8 files were checked, fp16 is taken as 1.97 × q8, the ratio every checked pair shows (en-ru, en-de,
 * en-zh); `npm run models:verify` compares every stated size with the hub.
 */
function opus(
  source: string,
  target: string,
  { q8, fp16 = Math.round(q8 * 1.97), tokenizer = OPUS_TOKENIZER_MB, license }: OpusFacts,
): ModelSpec {
  return {
    id: `Xenova/opus-mt-${source}-${target}`,
    task: 'translation',
    architecture: 'marian',
    dtype: { ...ON_CPU, webgpu: 'fp16' },
    sizeMB: { q8: round(q8 + tokenizer), fp16: round(fp16 + tokenizer) },
    license,
    maxInputTokens: 512,
  };
}

interface OpusFacts {
  /** MB of the q8 encoder + merged decoder. */
  q8: number;
  fp16?: number;
  tokenizer?: number;
  license: 'Apache-2.0' | 'CC-BY-4.0';
}

/** opus-mt's tokenizer.json, as the cards list it (5 MB; an early export of en-ru had 3.6 MB). */
const OPUS_TOKENIZER_MB = 5;

function round(mb: number): number {
  return Math.round(mb * 10) / 10;
}

/** NLLB-200's licence forbids commercial use: BITEXT_ALLOW_NONCOMMERCIAL=0 turns the pairs only it serves off. */
const NLLB: ModelSpec = {
  id: 'Xenova/nllb-200-distilled-600M',
  task: 'translation',
  architecture: 'nllb',
  dtype: { ...ON_CPU, webgpu: 'fp16' },
  // 419 + 476 MB q8, 829 + 933 MB fp16; its tokenizer.json (256,000 pieces) is about 17 MB.
  sizeMB: { q8: 912, fp16: 1779 },
  license: 'CC-BY-NC-4.0',
  maxInputTokens: 512,
};

const DISTILBART: ModelSpec = {
  id: 'Xenova/distilbart-cnn-6-6',
  task: 'summarization',
  architecture: 'bart',
  // No fp16 export was found for this repository: WebGPU loads fp32 (513 + 614 MB).
  dtype: { ...ON_CPU, webgpu: 'fp32' },
  // 129 + 155 MB q8, plus a 2.1 MB tokenizer.json.
  sizeMB: { q8: 286, fp32: 1129 },
  license: 'Apache-2.0',
  maxInputTokens: 1024,
};

export interface Placement {
  device: Device;
  dtype: Dtype;
}

/**
 * Where and in which dtype a model runs, chosen together. On WebGPU: the registry's WebGPU dtype, unless
 * that is fp16 and the adapter has no fp16 shaders (`shaderF16: false`); then WebAssembly with q8 serves,
 * rather than fp32 files of four times the q8 download.
 */
export function placementFor(spec: ModelSpec, device: Device, { shaderF16 = true } = {}): Placement {
  const dtype = spec.dtype[device];
  if (device === 'webgpu' && dtype === 'fp16' && !shaderF16) return { device: 'wasm', dtype: spec.dtype.wasm };
  return { device, dtype };
}

/** Licences that forbid commercial use (Creative Commons "NC"). */
export function isNonCommercial(spec: ModelSpec): boolean {
  return /-NC(-|$)/.test(spec.license);
}

/**
 * Which of these models (by id, as a result lists them) are licensed for non-commercial use only: what
 * the results view tells its reader, for a fresh result and a shared one alike.
 */
export function nonCommercialModels(ids: readonly string[]): { model: string; license: string }[] {
  return ids.filter((id) => id === NLLB.id).map((id) => ({ model: id, license: NLLB.license }));
}

interface DirectPair {
  source: LanguageCode;
  target: LanguageCode;
  model: ModelSpec;
  targetToken?: string;
}

// Helsinki-NLP opus-mt pairs with transformers.js (Xenova) ONNX exports. Multi-target models need a
// target token (see each model card). Pairs without an entry fall back to NLLB. Licences are each
// Helsinki-NLP card's own; sizes as `opus` says.
const APACHE = 'Apache-2.0';
const CC_BY = 'CC-BY-4.0';
const OPUS_EN_RU = { q8: 110.5, fp16: 219, license: APACHE } as const;
const OPUS_EN_ZH = opus('en', 'zh', { q8: 113.1, fp16: 223, license: APACHE });
const OPUS_ZH_EN = opus('zh', 'en', { q8: 113, license: CC_BY });
const OPUS_PAIRS: DirectPair[] = [
  { source: 'en', target: 'ru', model: opus('en', 'ru', OPUS_EN_RU) },
  { source: 'en', target: 'zh-Hans', model: OPUS_EN_ZH, targetToken: '>>cmn_Hans<<' },
  { source: 'en', target: 'zh-Hant', model: OPUS_EN_ZH, targetToken: '>>cmn_Hant<<' },
  { source: 'en', target: 'hi', model: opus('en', 'hi', { q8: 110, license: APACHE }) },
  { source: 'en', target: 'de', model: opus('en', 'de', { q8: 106.1, fp16: 209, license: CC_BY }) },
  { source: 'en', target: 'fr', model: opus('en', 'fr', { q8: 107, license: APACHE }) },
  { source: 'en', target: 'es', model: opus('en', 'es', { q8: 113, license: APACHE }) },
  { source: 'en', target: 'it', model: opus('en', 'it', { q8: 129, license: APACHE }) },
  { source: 'en', target: 'uk', model: opus('en', 'uk', { q8: 111, license: APACHE }) },
  { source: 'en', target: 'ar', model: opus('en', 'ar', { q8: 111, license: APACHE }), targetToken: '>>ara<<' },
  { source: 'ru', target: 'en', model: opus('ru', 'en', { ...OPUS_EN_RU, license: CC_BY }) },
  { source: 'zh-Hans', target: 'en', model: OPUS_ZH_EN },
  { source: 'zh-Hant', target: 'en', model: OPUS_ZH_EN },
  { source: 'hi', target: 'en', model: opus('hi', 'en', { q8: 110, license: APACHE }) },
  { source: 'de', target: 'en', model: opus('de', 'en', { q8: 106, license: CC_BY }) },
  { source: 'fr', target: 'en', model: opus('fr', 'en', { q8: 107, license: APACHE }) },
  { source: 'es', target: 'en', model: opus('es', 'en', { q8: 113, license: APACHE }) },
  { source: 'it', target: 'en', model: opus('it', 'en', { q8: 129, license: APACHE }) },
  { source: 'uk', target: 'en', model: opus('uk', 'en', { q8: 111, license: APACHE }) },
  { source: 'ar', target: 'en', model: opus('ar', 'en', { q8: 111, license: APACHE }) },
  { source: 'ja', target: 'en', model: opus('ja', 'en', { q8: 109, license: APACHE }) },
  { source: 'ko', target: 'en', model: opus('ko', 'en', { q8: 113, license: APACHE }) },
  { source: 'tr', target: 'en', model: opus('tr', 'en', { q8: 111, license: APACHE }) },
];

/** Fixture models: translit-<script> "translates" Latin letters into that script; upper upper-cases. */
function fixture(name: string, task: ModelTask, architecture: ModelSpec['architecture']): ModelSpec {
  return {
    id: `bitext-fixtures/${name}`,
    task,
    architecture,
    // The fixtures ship q8 and fp32 files (the same graphs), no fp16: WebGPU runs fp32, as the rule says.
    dtype: { ...ON_CPU, webgpu: 'fp32' },
    // About 14 kB each.
    sizeMB: { q8: 0.02, fp32: 0.02 },
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
  // Echoes markup-shaped text and breaks numbered markers: what HTML translation must survive.
  tr: fixture('adversary', 'translation', 'marian'),
  // Never generated: lets tests see what a missing model looks like.
  ar: fixture('missing-ar', 'translation', 'marian'),
};
const FIXTURE_SUMMARIZER = fixture('upper', 'summarization', 'bart');

function floresCode(code: LanguageCode): string {
  const language = getLanguage(code);
  if (!language) throw new Error(`Unknown language ${code}`);
  return language.flores;
}

/** What the operator allows: `allowNonCommercial: false` (BITEXT_ALLOW_NONCOMMERCIAL=0) leaves NLLB-200 out. */
export interface ModelPolicy {
  allowNonCommercial?: boolean;
}

function directLeg(
  profile: ModelProfile,
  source: LanguageCode,
  target: LanguageCode,
  { allowNonCommercial = true }: ModelPolicy,
): TranslationLeg | undefined {
  if (profile === 'fixtures') {
    const model = FIXTURE_TRANSLATORS[target];
    return model && { model, source, target };
  }
  const pair = OPUS_PAIRS.find((p) => p.source === source && p.target === target);
  if (pair) return { model: pair.model, source, target, targetToken: pair.targetToken };
  if (!allowNonCommercial) return undefined;
  return { model: NLLB, source, target, srcLang: floresCode(source), tgtLang: floresCode(target) };
}

/**
/**
 * The models that translate `source` into `target`: a direct opus-mt pair where one exists, else NLLB
 * (unless the policy leaves it out: BITEXT_ALLOW_NONCOMMERCIAL=0), else two legs through English.
 * `undefined` when no route exists.
 */
export function translationRoute(
  profile: ModelProfile,
  source: LanguageCode,
  target: LanguageCode,
  policy: ModelPolicy = {},
): TranslationRoute | undefined {
  if (source === target) return undefined;
  const direct = directLeg(profile, source, target, policy);
  if (direct) return [direct];
  if (source === 'en' || target === 'en') return undefined;
  const first = directLeg(profile, source, 'en', policy);
  const second = directLeg(profile, 'en', target, policy);
  return first && second ? [first, second] : undefined;
}

/** Every language `source` can be translated into under this profile and policy. */
export function translationTargets(
  profile: ModelProfile,
  source: LanguageCode,
  policy: ModelPolicy = {},
): LanguageCode[] {
  return LANGUAGES.map((l) => l.code).filter((target) => translationRoute(profile, source, target, policy));
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
export function summaryRoute(
  profile: ModelProfile,
  language: LanguageCode,
  policy: ModelPolicy = {},
): SummaryRoute | undefined {
  const summarizer = summarizerModel(profile);
  if (language === summarizer.language) return { summarizer, pivot: [] };
  const pivot = translationRoute(profile, language, summarizer.language, policy);
  return pivot && { summarizer, pivot };
}

const DTYPE_SUFFIX: Record<Dtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized' };

const MODULES: readonly ModelModule[] = ['encoder_model', 'decoder_model_merged'];

/**
 * The files transformers.js reads for this model in `dtype` (default: the CPU's), relative to its folder
 * (what `models:pull` fetches).
 */
export function modelFiles(spec: ModelSpec, dtype: Dtype = spec.dtype.cpu): string[] {
  return [
    'config.json',
    'generation_config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    ...MODULES.map((module) => `onnx/${module}${DTYPE_SUFFIX[dtype]}.onnx`),
  ];
}

/** The distinct models needed to translate between English and each of `languages`, plus the summariser. */
export function modelsForLanguages(
  profile: ModelProfile,
  languages: LanguageCode[],
  policy: ModelPolicy = {},
): ModelSpec[] {
  const specs = new Map<string, ModelSpec>();
  const add = (spec: ModelSpec) => specs.set(spec.id, spec);
  add(summarizerModel(profile));
  for (const language of languages) {
    for (const [source, target] of [
      ['en', language],
      [language, 'en'],
    ] as const) {
      for (const leg of translationRoute(profile, source, target, policy) ?? []) add(leg.model);
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
