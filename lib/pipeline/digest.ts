/**
 * The whole job: clean → detect → summarise → translate the summary and/or article into each target.
 * A part that fails (the summary, or one language: say, its model is missing) never fails the others: its
 * entry records the error and the rest finishes. Only an article whose language cannot be told, or a
 * cancel, stops the whole digest.
 */
import type { Detection } from '@/lib/detect';
import { isBitextError, toWireError, type WireError } from '@/lib/errors';
import type { LanguageCode } from '@/lib/langs';
import {
  placementFor,
  summaryRoute,
  type ModelSpec,
  type Placement,
  type TranslationRoute,
} from '@/lib/models/registry';
import { summarize, type SummaryOptions } from '@/lib/summarize';
import { loadSummarizer } from '@/lib/summarize/abstractive';
import { formatSummary, type Summary } from '@/lib/summarize/options';
import type { TranslateScope } from '@/lib/schemas/api';
import type { RemovedLine } from '@/lib/text/boilerplate';
import type { PipelineContext } from './context';
import { summaryFailed, type DigestSummary } from './parts';
import { cleanArticle, joinParagraphs, sentencesOf, type SourceSentence } from './document';
import { resolveLanguage } from './tasks';
import { loadModel } from './load';
import { routeFor } from './routes';
import { toSegments, toSummarySentences, translateSentences, type Segment } from './translate';

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

export type { Segment } from './translate';

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
  summary: DigestSummary;
  translations: Record<string, LanguageResult>;
  /** Where the run's models ran and in which dtype ("WebGPU, fp16"), each pair once. */
  runtime?: Placement[];
}

export type DigestPartial =
  | { part: 'summary'; summary: DigestSummary }
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
  const summary = await summarizePart(sourceTexts, language, request.summary, context);
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
  const runtime = placementsOf(
    { source: language, targets: request.targets, summary: request.summary },
    context,
  );
  return {
    language,
    detection,
    removed,
    sentences: latin ? latin.sentencesWithLatin(sentences, language) : sentences,
    summary,
    translations,
    runtime,
  };
}

/** Where each model a run of this plan uses runs, and in which dtype; each pair once, in the order met. */
export function placementsOf(
  plan: DigestPlan,
  context: Pick<PipelineContext, 'profile' | 'allowNonCommercial' | 'device' | 'shaderF16'>,
): Placement[] {
  const models: ModelSpec[] = plan.targets.flatMap((target) =>
    (usableRoute(context, plan.source, target) ?? []).map((leg) => leg.model),
  );
  const summary = plan.summary.mode === 'abstractive' && summaryRoute(context.profile, plan.source, context);
  if (summary) models.push(...summary.pivot.map((leg) => leg.model), summary.summarizer);
  const placements = new Map<string, Placement>();
  for (const model of models) {
    const placement = placementFor(model, context.device ?? 'cpu', context);
    placements.set(`${placement.device}|${placement.dtype}`, placement);
  }
  return [...placements.values()];
}

/**
 * Starts loading every model a digest of this plan will use, without running anything, and resolves when
 * they are ready or have failed (a failure is the run's to report). The workspace calls it as soon as it
 * knows the article's language, so model downloads overlap the reader's choices instead of following Run.
 */
export async function prepareDigest(plan: DigestPlan, context: PipelineContext): Promise<void> {
  const loads: Promise<unknown>[] = plan.targets.map((target) => preload(plan.source, target, context));
  if (plan.summary.mode === 'abstractive') {
    const route = summaryRoute(context.profile, plan.source, context);
    if (route)
      loads.push(
        loadRoute(route.pivot, context),
        loadSummarizer(context).catch(() => undefined),
      );
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
  return loadRoute(usableRoute(context, source, target) ?? [], context).then(() => target);
}

function loadRoute(route: TranslationRoute, context: PipelineContext): Promise<unknown> {
  return Promise.allSettled(route.map((leg) => loadModel(leg.model, context)));
}

/** The route when this context may use one; loading is for routes that exist (their errors come later). */
function usableRoute(
  context: Pick<PipelineContext, 'profile' | 'allowNonCommercial'>,
  source: LanguageCode,
  target: LanguageCode,
) {
  try {
    return routeFor(context, source, target);
  } catch {
    return undefined;
  }
}

/** A cancel stops the whole digest; any other failure is only its part's. */
function isCancel(error: unknown, context: PipelineContext): boolean {
  return context.signal?.aborted === true || (isBitextError(error) && error.code === 'cancelled');
}

async function summarizePart(
  sentences: readonly string[],
  language: LanguageCode,
  options: SummaryOptions,
  context: PipelineContext,
): Promise<DigestSummary> {
  try {
    return await summarize(sentences, language, options, context);
  } catch (error) {
    if (isCancel(error, context)) throw error;
    return { mode: options.mode, error: toWireError(error) };
  }
}

async function translateDigest(
  source: LanguageCode,
  target: LanguageCode,
  sentences: readonly SourceSentence[],
  summary: DigestSummary,
  request: DigestRequest,
  context: PipelineContext,
): Promise<LanguageResult> {
  let route: TranslationRoute;
  try {
    route = routeFor(context, source, target);
  } catch (error) {
    return { models: [], error: toWireError(error) };
  }
  // A summary that failed leaves nothing of it to translate; the article still is.
  const summaryIn = request.translate !== 'article' && !summaryFailed(summary) ? summary : undefined;
  const wantArticle = request.translate !== 'summary';
  if (!summaryIn && !wantArticle) return { models: [] };
  const summaryTexts = summaryIn?.sentences.map((s) => s.text) ?? [];
  const articleTexts = wantArticle ? sentences.map((s) => s.text) : [];
  try {
    // One call for both, so they share batches and the model is loaded once.
    const translated = await translateSentences([...summaryTexts, ...articleTexts], route, context);
    const summaryOut = translated.slice(0, summaryTexts.length);
    const articleOut = translated.slice(summaryTexts.length);
    return {
      models: route.map((leg) => leg.model.id),
      summary: summaryIn && {
        text: formatSummary(
          summaryOut.map((t) => t.text),
          request.summary.type,
        ),
        sentences: toSummarySentences(summaryIn.sentences, summaryOut),
      },
      segments: wantArticle ? toSegments(articleTexts, articleOut) : undefined,
      text: wantArticle
        ? joinParagraphs(
            articleOut.map((t) => t.text),
            sentences,
          )
        : undefined,
    };
  } catch (error) {
    if (isCancel(error, context)) throw error;
    return { models: route.map((leg) => leg.model.id), error: toWireError(error) };
  }
}
