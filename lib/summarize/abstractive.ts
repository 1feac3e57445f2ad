/**
 * Abstractive summaries with the registry's summariser (distilbart, English), map-reduce over chunks that
 * fit its input budget. A non-English article is translated to English first and the result says so.
 */
import type { SummarizationPipeline } from '@huggingface/transformers';
import { throwIfAborted } from '@/lib/errors';
import type { LanguageCode } from '@/lib/langs';
import { summarizerModel } from '@/lib/models/registry';
import type { PipelineContext } from '@/lib/pipeline/context';
import { generate } from '@/lib/pipeline/generate';
import { loadModel } from '@/lib/pipeline/load';
import { summaryRouteFor } from '@/lib/pipeline/routes';
import { translateSentences } from '@/lib/pipeline/translate';
import { packSentences } from '@/lib/text/chunk';
import { splitSentences } from '@/lib/text/segment';
import {
  formatSummary,
  summarySentenceCount,
  type Summary,
  type SummaryLength,
  type SummaryType,
} from './options';

export interface AbstractiveSummary extends Summary {
  model: string;
  /** Set when the article was translated to English before summarising. */
  pivot?: { via: LanguageCode; models: string[] };
}

/** Map-reduce rounds; each must shrink the text, so this only bounds a model that echoes its input. */
const MAX_ROUNDS = 3;

/**
 * New tokens per chunk summary, by the length asked for; distilbart's own 56–142 (its generation_config,
 * which counts the start token) is "medium". Its min_length would make a chunk shorter than that write on
 * past what it has to say and be cut mid-sentence, so the minimum is held to a quarter of the chunk, and
 * the maximum is never below the chunk's own length, so that a summary can always end on its own.
 */
const SUMMARY_TOKENS: Record<SummaryLength, { min: number; max: number }> = {
  short: { min: 24, max: 96 },
  medium: { min: 55, max: 141 },
  long: { min: 90, max: 224 },
};

function summaryBudget(chunkTokens: number, length: SummaryLength, modelLimit: number) {
  const { min, max } = SUMMARY_TOKENS[length];
  return {
    minNewTokens: Math.min(min, Math.floor(chunkTokens / 4)),
    maxNewTokens: Math.min(modelLimit, Math.max(max, chunkTokens)),
  };
}

/** The summariser, loaded as every use of it in this context loads it (prepareDigest starts it early). */
export function loadSummarizer(context: PipelineContext): Promise<SummarizationPipeline> {
  return loadModel(summarizerModel(context.profile), context) as Promise<SummarizationPipeline>;
}

export async function summarizeAbstractive(
  sentences: readonly string[],
  options: { language: LanguageCode; type: SummaryType; length: SummaryLength },
  context: PipelineContext,
): Promise<AbstractiveSummary> {
  const route = summaryRouteFor(context, options.language);
  const { summarizer: spec } = route;
  const input =
    route.pivot.length > 0
      ? (await translateSentences(sentences, route.pivot, context)).map((t) => t.text)
      : [...sentences];
  const pivot: AbstractiveSummary['pivot'] =
    route.pivot.length > 0
      ? { via: spec.language, models: route.pivot.map((leg) => leg.model.id) }
      : undefined;

  const summarizer = await loadSummarizer(context);
  const countTokens = (text: string) => summarizer.tokenizer.encode(text).length;

  let parts = input.filter((s) => s.trim());
  for (let round = 0; round < MAX_ROUNDS && parts.length > 0; round++) {
    const chunks = packSentences(parts, spec.maxInputTokens, countTokens);
    const before = parts.join(' ').length;
    const summaries: string[] = [];
    for (const [index, chunk] of chunks.entries()) {
      throwIfAborted(context.signal);
      const budget = summaryBudget(countTokens(chunk.text), options.length, spec.maxInputTokens);
      const [summary] = await generate(summarizer, [chunk.text], budget);
      summaries.push(summary ?? '');
      context.onProgress?.({ type: 'step', task: 'summarize', done: index + 1, total: chunks.length });
    }
    parts = summaries.filter(Boolean);
    if (chunks.length === 1 || parts.join(' ').length >= before) break;
  }

  const picked = splitSentences(parts.join(' '), spec.language)
    .map((s) => s.text)
    .slice(0, summarySentenceCount(options.type, options.length, sentences.length));
  return {
    text: formatSummary(picked, options.type),
    sentences: picked.map((text) => ({ text, sources: [] })),
    model: spec.id,
    pivot,
  };
}
