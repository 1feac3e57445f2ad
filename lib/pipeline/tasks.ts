/**
 * The single-purpose operations behind /api/v1/summarize and /api/v1/translate (digest.ts combines them).
 */
import { detectLanguage, type Detection } from '@/lib/detect';
import { BitextError } from '@/lib/errors';
import { isLanguageCode, type LanguageCode } from '@/lib/langs';
import { summarize, type SummaryOptions, type SummaryResult } from '@/lib/summarize';
import type { PipelineContext } from './context';
import { joinSentences } from '@/lib/text/chunk';
import { normalizeText } from '@/lib/text/normalize';
import { cleanArticle, joinParagraphs, sentencesOf, type SourceSentence } from './document';
import { routeFor } from './routes';
import { toSegments, translateSentences, type Segment } from './translate';

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

/** What POST /api/v1/summarize answers, and `cli summarize --json` prints. */
export type TextSummary = Omit<SummaryResult, 'text'> & { language: LanguageCode; summary: string };

export async function summarizeText(
  text: string,
  options: SummaryOptions & { language?: LanguageCode },
  context: PipelineContext,
): Promise<TextSummary> {
  const { body } = cleanArticle(text);
  const { language } = resolveLanguage(body, options.language);
  const sentences = sentencesOf(body, language).map((s) => s.text);
  const { text: summary, ...rest } = await summarize(sentences, language, options, context);
  return { language, ...rest, summary };
}

export interface TextTranslation {
  source: LanguageCode;
  target: LanguageCode;
  model: string;
  translation: string;
  segments: Segment[];
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
  const route = routeFor(context, source, target);
  const sourceTexts = layout.map((s) => s.text);
  const translated = await translateSentences(sourceTexts, route, context);
  const texts = translated.map((t) => t.text);
  const segments = toSegments(sourceTexts, translated);
  // Loaded only when asked for, as in digest().
  const latin = languages.romanize ? await import('@/lib/romanize/results') : undefined;
  return {
    source,
    target,
    model: route.map((leg) => leg.model.id).join(' → '),
    translation: 'text' in input ? joinParagraphs(texts, layout) : joinSentences(texts),
    segments: latin ? latin.withLatin(segments, target) : segments,
  };
}
