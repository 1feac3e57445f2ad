/**
 * The single-purpose operations behind /api/v1/summarize and /api/v1/translate (digest.ts combines them).
 */
import { detectLanguage, type Detection } from '@/lib/detect';
import { BitextError } from '@/lib/errors';
import { isLanguageCode, type LanguageCode } from '@/lib/langs';
import { translationRoute } from '@/lib/models/registry';
import { summarize, type SummaryOptions, type SummaryResult } from '@/lib/summarize';
import type { PipelineContext } from './context';
import { joinSentences } from '@/lib/text/chunk';
import { normalizeText } from '@/lib/text/normalize';
import { cleanArticle, joinParagraphs, sentencesOf, type SourceSentence } from './document';
import { translateSentences } from './translate';

/** The given language, else the detected one; undetermined text is an error the UI turns into a question. */
export function resolveLanguage(
  text: string,
  given?: LanguageCode,
): { language: LanguageCode; detection?: Detection } {
  if (given) return { language: given };
  const detection = detectLanguage(text);
  if (!isLanguageCode(detection.language)) {
    throw new BitextError(
      'language_undetermined',
      'Could not tell which language this text is in; choose the source language.',
      { alternatives: detection.alternatives },
    );
  }
  return { language: detection.language, detection };
}

export async function summarizeText(
  text: string,
  options: SummaryOptions & { language?: LanguageCode },
  context: PipelineContext,
): Promise<SummaryResult & { language: LanguageCode }> {
  const { body } = cleanArticle(text);
  const { language } = resolveLanguage(body, options.language);
  const sentences = sentencesOf(body, language).map((s) => s.text);
  return { language, ...(await summarize(sentences, language, options, context)) };
}

export interface TextTranslation {
  source: LanguageCode;
  target: LanguageCode;
  model: string;
  translation: string;
  segments: { source: string; target: string; latin?: string }[];
}

/** Translate free text (split into sentences) or the caller's own segments (kept as given). */
export async function translateText(
  input: { text: string } | { segments: string[] },
  languages: { source?: LanguageCode; target: LanguageCode; romanize?: boolean },
  context: PipelineContext,
): Promise<TextTranslation> {
  // Free text is translated as given (no boilerplate stripping: the caller chose this text).
  const text = 'text' in input ? normalizeText(input.text) : input.segments.join('\n');
  const { language: source } = resolveLanguage(text, languages.source);
  const layout: SourceSentence[] =
    'text' in input ? sentencesOf(text, source) : input.segments.map((s) => ({ text: s, paragraph: 0 }));
  const { target } = languages;
  const route = translationRoute(context.profile, source, target);
  if (!route) {
    throw new BitextError('unsupported_language', `No model translates ${source} into ${target}.`, {
      source,
      target,
    });
  }
  const sourceTexts = layout.map((s) => s.text);
  const translated = await translateSentences(sourceTexts, route, {
    ...context,
    remedy: context.remedyFor?.([source, target].filter((l) => l !== 'en')),
  });
  const segments = sourceTexts.map((text, i) => ({ source: text, target: translated[i] ?? '' }));
  // Loaded only when asked for, as in digest().
  const latin = languages.romanize ? await import('@/lib/romanize/results') : undefined;
  return {
    source,
    target,
    model: route.map((leg) => leg.model.id).join(' → '),
    translation: 'text' in input ? joinParagraphs(translated, layout) : joinSentences(translated),
    segments: latin ? latin.withLatin(segments, target) : segments,
  };
}
