/**
 * A digest's parts fail one by one: a summary or a language that could not be made records its error, and
 * the rest of the digest still finishes. Light on purpose (types and two checks): the UI reads results too.
 */
import type { WireError } from '@/lib/errors';
import type { SummaryResult } from '@/lib/summarize';
import type { SummaryMode } from '@/lib/summarize/options';
import type { DigestResult } from './digest';

/** A summary that could not be made (say, no model brings the article to the summariser's language). */
export interface FailedSummary {
  mode: SummaryMode;
  error: WireError;
}

export type DigestSummary = SummaryResult | FailedSummary;

export function summaryFailed(summary: DigestSummary): summary is FailedSummary {
  return 'error' in summary;
}

/** The summary or a language failed: the same request may do better later (a model pulled meanwhile). */
export function hasFailedPart(result: DigestResult): boolean {
  return summaryFailed(result.summary) || Object.values(result.translations).some((t) => t.error);
}
