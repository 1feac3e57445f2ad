import type { LanguageCode } from '@/lib/langs';
import type { PipelineContext } from '@/lib/pipeline/context';
import { summarizeAbstractive, type AbstractiveSummary } from './abstractive';
import { summarizeExtractive } from './extractive';
import type { Summary, SummaryLength, SummaryMode, SummaryType } from './options';

export interface SummaryOptions {
  mode: SummaryMode;
  type: SummaryType;
  length: SummaryLength;
}

export type SummaryResult = Summary & { mode: SummaryMode } & Partial<
    Pick<AbstractiveSummary, 'model' | 'pivot'>
  >;

/** Summarise source sentences; extractive needs no model and works in every language. */
export async function summarize(
  sentences: readonly string[],
  language: LanguageCode,
  options: SummaryOptions,
  context: PipelineContext,
): Promise<SummaryResult> {
  if (options.mode === 'abstractive') {
    return {
      mode: 'abstractive',
      ...(await summarizeAbstractive(sentences, { ...options, language }, context)),
    };
  }
  return { mode: 'extractive', ...summarizeExtractive([...sentences], { ...options, language }) };
}
