/**
 * The whole job: clean → detect → summarise → translate the summary and/or article into each target.
 * One language failing (say, its model is missing) never fails the others: its entry records the error.
 */
import type { Detection } from '@/lib/detect';
import { isBitextError } from '@/lib/errors';
import type { LanguageCode } from '@/lib/langs';
import { summarizerModel, translationRoute } from '@/lib/models/registry';
import { summarize, type SummaryOptions, type SummaryResult } from '@/lib/summarize';
import { loadSummarizer } from '@/lib/summarize/abstractive';
import { formatSummary, type Summary } from '@/lib/summarize/options';
import type { TranslateScope } from '@/lib/schemas/api';
import type { RemovedLine } from '@/lib/text/boilerplate';
import type { PipelineContext } from './context';
import type { WireError } from './protocol';
import { cleanArticle, joinParagraphs, sentencesOf, type SourceSentence } from './document';
import { resolveLanguage } from './tasks';
import { loadModel } from './load';
import { translateSentences } from './translate';

export interface DigestRequest {
  text: string;
  /** Skip detection when the reader already knows. */
  source?: LanguageCode;
  targets: LanguageCode[];
  summary: SummaryOptions;
  translate: TranslateScope;
  /** Add each segment's Latin form (`latin`) where its language is romanised. */
  romanize?: boolean;
}

/** What decides which models a digest loads: enough to start loading them before the run. */
export interface DigestPlan {
  source: LanguageCode;
  targets: LanguageCode[];
  summary: SummaryOptions;
}

export interface Segment {
  source: string;
  target: string;
  /** The target's Latin form, when romanisation was asked for. */
  latin?: string;
}

export interface LanguageResult {
  models: string[];
  summary?: Summary;
  segments?: Segment[];
  /** The translated article, paragraphs kept. */
  text?: string;
  error?: WireError;
}

export interface DigestResult {
  language: LanguageCode;
  detection?: Detection;
  removed: RemovedLine[];
  sentences: SourceSentence[];
  summary: SummaryResult;
  translations: Record<string, LanguageResult>;
}

export type DigestPartial =
  | { part: 'summary'; summary: SummaryResult }
  | { part: 'translation'; language: LanguageCode; result: LanguageResult };

export async function digest(
  request: DigestRequest,
  context: PipelineContext,
  onPartial?: (partial: DigestPartial) => void,
): Promise<DigestResult> {
  const { body, removed } = cleanArticle(request.text);
  const { language, detection } = resolveLanguage(body, request.source);
  // Every translator starts loading now, while the summary is made; each language is then translated as
  // soon as its models are ready rather than in the order it was picked.
  const ready = new Map(request.targets.map((target) => [target, preload(language, target, context)]));
  const sentences = sentencesOf(body, language);
  const sourceTexts = sentences.map((s) => s.text);
  const summary = await summarize(sourceTexts, language, request.summary, context);
  onPartial?.({ part: 'summary', summary });

  // Loaded only when asked for: the romanisers carry dictionaries the browser's worker need not.
  const latin = request.romanize ? await import('@/lib/romanize/results') : undefined;
  const results = new Map<LanguageCode, LanguageResult>();
  while (ready.size > 0) {
    const target = await Promise.race(ready.values());
    ready.delete(target);
    const translated = await translateDigest(language, target, sentences, summary, request, context);
    const result = latin ? latin.languageWithLatin(translated, target) : translated;
    results.set(target, result);
    onPartial?.({ part: 'translation', language: target, result });
  }
  const translations = Object.fromEntries(request.targets.map((target) => [target, results.get(target)!]));
  return {
    language,
    detection,
    removed,
    sentences: latin ? latin.sentencesWithLatin(sentences, language) : sentences,
    summary,
    translations,
  };
}

/**
 * Starts loading every model a digest of this plan will use, without running anything, and resolves when
 * they are ready or have failed (a failure is the run's to report). The workspace calls it as soon as it
 * knows the article's language, so model downloads overlap the reader's choices instead of following Run.
 */
export async function prepareDigest(plan: DigestPlan, context: PipelineContext): Promise<void> {
  const loads: Promise<unknown>[] = plan.targets.map((target) => preload(plan.source, target, context));
  if (plan.summary.mode === 'abstractive') {
    const summarizer = summarizerModel(context.profile);
    // A non-English article is summarised through English.
    if (plan.source !== summarizer.language) loads.push(preload(plan.source, summarizer.language, context));
    loads.push(loadSummarizer(context).catch(() => undefined));
  }
  await Promise.all(loads);
}

/**
 * Loads a target's models (promise-cached, so translating reuses them) and resolves with the target once
 * they are ready or have failed; a failure is reported where the model is used.
 */
function preload(
  source: LanguageCode,
  target: LanguageCode,
  context: PipelineContext,
): Promise<LanguageCode> {
  const legs = translationRoute(context.profile, source, target) ?? [];
  const options = {
    device: context.device,
    threads: context.threads,
    onProgress: context.onProgress,
    remedy: remedyFor(source, target, context),
  };
  return Promise.allSettled(legs.map((leg) => loadModel(leg.model, options))).then(() => target);
}

function remedyFor(source: LanguageCode, target: LanguageCode, context: PipelineContext): string | undefined {
  return context.remedyFor?.([source, target].filter((l) => l !== 'en'));
}

async function translateDigest(
  source: LanguageCode,
  target: LanguageCode,
  sentences: readonly SourceSentence[],
  summary: SummaryResult,
  request: DigestRequest,
  context: PipelineContext,
): Promise<LanguageResult> {
  const route = translationRoute(context.profile, source, target);
  if (!route) {
    return {
      models: [],
      error: { code: 'unsupported_language', message: `No model translates ${source} into ${target}.` },
    };
  }
  const wantSummary = request.translate !== 'article';
  const wantArticle = request.translate !== 'summary';
  const summaryTexts = wantSummary ? summary.sentences.map((s) => s.text) : [];
  const articleTexts = wantArticle ? sentences.map((s) => s.text) : [];
  try {
    // One call for both, so they share batches and the model is loaded once.
    const translated = await translateSentences([...summaryTexts, ...articleTexts], route, {
      ...context,
      remedy: remedyFor(source, target, context),
    });
    const summaryOut = translated.slice(0, summaryTexts.length);
    const articleOut = translated.slice(summaryTexts.length);
    return {
      models: route.map((leg) => leg.model.id),
      summary: wantSummary
        ? {
            text: formatSummary(summaryOut, request.summary.type),
            sentences: summary.sentences.map((s, i) => ({ text: summaryOut[i] ?? '', sources: s.sources })),
          }
        : undefined,
      segments: wantArticle
        ? articleTexts.map((text, i) => ({ source: text, target: articleOut[i] ?? '' }))
        : undefined,
      text: wantArticle ? joinParagraphs(articleOut, sentences) : undefined,
    };
  } catch (error) {
    if (!isBitextError(error) || error.code === 'cancelled') throw error;
    return {
      models: route.map((leg) => leg.model.id),
      error: { code: error.code, message: error.message, details: error.details },
    };
  }
}
