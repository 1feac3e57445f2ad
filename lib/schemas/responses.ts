/**
 * What the API answers, as the clients read it: the workspace parses every answer it acts on (a job, its
 * events, a detection) rather than trusting its shape, and so does the result cache reading back a row.
 * Each schema is typed as the value the server builds, so a change on one side that the other does not
 * follow fails to compile.
 *
 * zod/mini, loaded lazily by the client, like ./api.ts: none of this is in a page's first-load JavaScript.
 */
import * as z from 'zod/mini';
import type { Detection } from '@/lib/detect';
import { ERROR_STATUS, type ErrorCode, type WireError } from '@/lib/errors';
import { isLanguageCode, UNDETERMINED, type LanguageCode } from '@/lib/langs';
import type { DigestPartial, DigestResult, LanguageResult } from '@/lib/pipeline/digest';
import type { ProgressEvent } from '@/lib/pipeline/events';
import type { DigestSummary } from '@/lib/pipeline/parts';
import { DOUBT_REASONS } from '@/lib/pipeline/quality';
import type { JobView } from '@/lib/pipeline/protocol';
import type { SummaryResult } from '@/lib/summarize';
import { SUMMARY_MODES, type Summary } from '@/lib/summarize/options';
import { BOILERPLATE_REASONS } from '@/lib/text/boilerplate';

const languageCode = z.custom<LanguageCode>(
  (value) => typeof value === 'string' && isLanguageCode(value),
  'Expected a language code Bitext knows',
);
const count = z.int().check(z.gte(0));

const wireError: z.ZodMiniType<WireError> = z.object({
  code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  details: z.optional(z.record(z.string(), z.unknown())),
});

export const detectResponse: z.ZodMiniType<Detection> = z.object({
  language: z.union([languageCode, z.literal(UNDETERMINED)]),
  confidence: z.number(),
  alternatives: z.array(z.object({ language: languageCode, confidence: z.number() })),
});

const summary: z.ZodMiniType<Summary> = z.object({
  text: z.string(),
  sentences: z.array(
    z.object({ text: z.string(), sources: z.array(count), doubtful: z.optional(z.enum(DOUBT_REASONS)) }),
  ),
});

const summaryResult: z.ZodMiniType<SummaryResult> = z.intersection(
  summary,
  z.object({
    mode: z.enum(SUMMARY_MODES),
    model: z.optional(z.string()),
    pivot: z.optional(z.object({ via: languageCode, models: z.array(z.string()) })),
  }),
);

/** A summary that could not be made: the rest of the digest still came (lib/pipeline/parts). */
const digestSummary: z.ZodMiniType<DigestSummary> = z.union([
  z.object({ mode: z.enum(SUMMARY_MODES), error: wireError }),
  summaryResult,
]);

const languageResult: z.ZodMiniType<LanguageResult> = z.object({
  models: z.array(z.string()),
  summary: z.optional(summary),
  segments: z.optional(
    z.array(
      z.object({ source: z.string(), target: z.string(), doubtful: z.optional(z.enum(DOUBT_REASONS)) }),
    ),
  ),
  text: z.optional(z.string()),
  error: z.optional(wireError),
});

export const digestResult: z.ZodMiniType<DigestResult> = z.object({
  language: languageCode,
  detection: z.optional(detectResponse),
  removed: z.array(z.object({ line: z.string(), index: count, reason: z.enum(BOILERPLATE_REASONS) })),
  sentences: z.array(z.object({ text: z.string(), paragraph: count })),
  summary: digestSummary,
  translations: z.record(z.string(), languageResult),
  runtime: z.optional(
    z.array(z.object({ device: z.enum(['cpu', 'wasm', 'webgpu']), dtype: z.enum(['fp32', 'fp16', 'q8']) })),
  ),
});

export const digestPartial: z.ZodMiniType<DigestPartial> = z.discriminatedUnion('part', [
  z.object({ part: z.literal('summary'), summary: digestSummary }),
  z.object({ part: z.literal('translation'), language: languageCode, result: languageResult }),
]);

export const progressEvent: z.ZodMiniType<ProgressEvent> = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('model'),
    model: z.string(),
    file: z.optional(z.string()),
    status: z.enum(['download', 'ready']),
    loaded: z.number(),
    total: z.number(),
  }),
  z.object({
    type: z.literal('step'),
    task: z.enum(['summarize', 'translate']),
    language: z.optional(z.string()),
    done: count,
    total: count,
  }),
]);

export const jobResponse: z.ZodMiniType<JobView> = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed', 'cancelled']),
  result: z.optional(digestResult),
  error: z.optional(wireError),
});

/**
 * `answer` as `schema` reads it, or thrown: a WireError `internal` saying what did not match (a server of
 * another version, a proxy's page), as the UI shows any other failure.
 */
export function parseAnswer<T>(schema: z.ZodMiniType<T>, answer: unknown): T {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  throw {
    code: 'internal',
    message: `The server's answer was not understood: ${z.prettifyError(parsed.error)}`,
  } satisfies WireError;
}
