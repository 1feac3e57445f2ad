/**
 * LibreTranslate's /translate and /detect on top of the pipeline: every text of a request goes through
 * one translateText call (sentence split, batched, repeated sentences translated once), whatever its format.
 */
import { detectLanguage, type Detection } from '@/lib/detect';
import { BitextError } from '@/lib/errors';
import { isLanguageCode, type LanguageCode } from '@/lib/langs';
import type { PipelineContext } from '@/lib/pipeline/context';
import { joinParagraphs, sentencesOf } from '@/lib/pipeline/document';
import { translateText } from '@/lib/pipeline/tasks';
import { normalizeText } from '@/lib/text/normalize';
import { htmlText, translateHtml } from './html';
import { fromLibreCode } from './languages';
import type { TranslateFields } from './request';

export interface LibreDetection {
  /** 0–100, as LibreTranslate reports it. */
  confidence: number;
  language: string;
}

/** Plain texts translated as the pipeline does, each keeping its paragraphs; '' stays ''. */
export async function translateTexts(
  texts: readonly string[],
  languages: { source: LanguageCode; target: LanguageCode },
  context: PipelineContext,
): Promise<string[]> {
  if (languages.source === languages.target) return [...texts];
  const layouts = texts.map((text) => sentencesOf(normalizeText(text), languages.source));
  const sentences = layouts.flat().map((s) => s.text);
  if (sentences.length === 0) return texts.map(() => '');
  const { segments } = await translateText({ segments: sentences }, languages, context);
  let next = 0;
  return layouts.map((layout) => {
    const translated = segments.slice(next, (next += layout.length)).map((s) => s.target);
    return joinParagraphs(translated, layout);
  });
}

const percent = (share: number) => Math.round(share * 1000) / 10;

function asLibre(language: string, confidence: number): LibreDetection {
  return { confidence: percent(confidence), language };
}

/** Detection in LibreTranslate's shape: every candidate, best first (none for text with no letters). */
export function libreDetect(text: string): LibreDetection[] {
  const { language, confidence, alternatives } = detectLanguage(text);
  const best = isLanguageCode(language) ? [asLibre(language, confidence)] : [];
  return [...best, ...alternatives.map((a) => asLibre(a.language, a.confidence))];
}

/**
 * The source of one text for `source: "auto"`: its own detection when it is clear, else the request's as a
 * whole (a short poll option or a one-word title says too little), else the likeliest candidate.
 */
function guessSource(own: Detection, overall: Detection): { language: LanguageCode; confidence: number } {
  for (const detection of [own, overall]) {
    if (isLanguageCode(detection.language))
      return { language: detection.language, confidence: detection.confidence };
  }
  const candidate = own.alternatives[0] ?? overall.alternatives[0];
  if (!candidate) {
    throw new BitextError(
      'language_undetermined',
      'Could not detect the language of the text; give its source.',
    );
  }
  return candidate;
}

/** The source language of each text (`prose`: what detection should read) for a LibreTranslate `source`. */
export function resolveSources(
  prose: readonly string[],
  source: string,
): { language: LanguageCode; confidence: number }[] {
  if (source !== 'auto') {
    const language = fromLibreCode(source);
    return prose.map(() => ({ language, confidence: 1 }));
  }
  const overall = detectLanguage(prose.join('\n'));
  return prose.map((text) => guessSource(detectLanguage(text), overall));
}

export interface LibreTranslation {
  translatedText: string | string[];
  detectedLanguage?: LibreDetection | LibreDetection[];
  alternatives?: [] | [][];
}

export async function libreTranslate(
  fields: TranslateFields,
  context: PipelineContext,
): Promise<LibreTranslation> {
  const target = fromLibreCode(fields.target);
  const texts = typeof fields.q === 'string' ? [fields.q] : fields.q;
  const html = fields.format === 'html';
  const prose = html ? texts.map(htmlText) : texts;

  const sources = resolveSources(prose, fields.source);

  // Texts in the same language are translated together, in one call of the pipeline.
  const translated = new Array<string>(texts.length);
  for (const source of new Set(sources.map((s) => s.language))) {
    const indices = texts.flatMap((_, i) => (sources[i]!.language === source ? [i] : []));
    const group = indices.map((i) => texts[i]!);
    const translate = (items: string[]) => translateTexts(items, { source, target }, context);
    const results = html ? await translateHtml(group, translate) : await translate(group);
    indices.forEach((index, j) => (translated[index] = results[j] ?? ''));
  }

  const single = typeof fields.q === 'string';
  const detected = sources.map((s) => asLibre(s.language, s.confidence));
  return {
    translatedText: single ? translated[0]! : translated,
    ...(fields.source === 'auto' && { detectedLanguage: single ? detected[0]! : detected }),
    // Greedy decoding gives one translation; there are never alternatives to offer.
    ...(fields.alternatives ? { alternatives: single ? [] : texts.map((): [] => []) } : {}),
  };
}
