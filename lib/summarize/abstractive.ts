/**
 * Abstractive summaries with the registry's summariser (distilbart, English), map-reduce over chunks that
 * fit its input budget. A non-English article is translated to English first and the result says so.
 */
import type { SummarizationPipeline } from '@huggingface/transformers';
import { BitextError, throwIfAborted } from '@/lib/errors';
import type { LanguageCode } from '@/lib/langs';
import { summarizerModel, summaryRoute } from '@/lib/models/registry';
import type { PipelineContext } from '@/lib/pipeline/context';
import { loadModel } from '@/lib/pipeline/load';
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

type SummarizeCall = (
  texts: string[],
  options: { max_new_tokens: number },
) => Promise<{ summary_text: string }[]>;

/** The summariser, loaded as every use of it in this context loads it (prepareDigest starts it early). */
export function loadSummarizer(context: PipelineContext): Promise<SummarizationPipeline> {
  return loadModel(summarizerModel(context.profile), context) as Promise<SummarizationPipeline>;
}

export async function summarizeAbstractive(
  sentences: readonly string[],
  options: { language: LanguageCode; type: SummaryType; length: SummaryLength },
  context: PipelineContext,
): Promise<AbstractiveSummary> {
  const route = summaryRoute(context.profile, options.language);
  if (!route) {
    const target = summarizerModel(context.profile).language;
    throw new BitextError(
      'unsupported_language',
      `Cannot summarise ${options.language}: no model translates it to ${target}.`,
      { source: options.language, target },
    );
  }
  const { summarizer: spec } = route;
  const input =
    route.pivot.length > 0 ? await translateSentences(sentences, route.pivot, context) : [...sentences];
  const pivot: AbstractiveSummary['pivot'] =
    route.pivot.length > 0
      ? { via: spec.language, models: route.pivot.map((leg) => leg.model.id) }
      : undefined;

  const summarizer = await loadSummarizer(context);
  const summarize = summarizer as unknown as SummarizeCall;
  const countTokens = (text: string) => summarizer.tokenizer.encode(text).length;

  let parts = input.filter((s) => s.trim());
  for (let round = 0; round < MAX_ROUNDS && parts.length > 0; round++) {
    const chunks = packSentences(parts, spec.maxInputTokens, countTokens);
    const before = parts.join(' ').length;
    const summaries: string[] = [];
    for (const [index, chunk] of chunks.entries()) {
      throwIfAborted(context.signal);
      // A summary never needs more tokens than its input; the model's own max_length would cut long chunks.
      const [result] = await summarize([chunk.text], { max_new_tokens: countTokens(chunk.text) });
      summaries.push(result?.summary_text.trim() ?? '');
      context.onProgress?.({ type: 'step', task: 'summarize', done: index + 1, total: chunks.length });
    }
    parts = summaries.filter(Boolean);
    if (chunks.length === 1 || parts.join(' ').length >= before) break;
  }

  const picked = splitSentences(parts.join(' '), spec.language)
    .map((s) => s.text)
    .slice(0, summarySentenceCount(options.type, options.length));
  return {
    text: formatSummary(picked, options.type),
    sentences: picked.map((text) => ({ text, sources: [] })),
    model: spec.id,
    pivot,
  };
}
