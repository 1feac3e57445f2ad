/**
 * A shared result: what the person saw, uploaded by the workspace after either engine. The server
 * re-validates the structure (and checks it against its own sentence split) rather than trusting it.
 */
import * as z from 'zod/mini';
import type { DigestResult } from '@/lib/pipeline/digest';
import { summaryFailed } from '@/lib/pipeline/parts';
import { LIMITS } from '@/lib/limits';
import { DOUBT_REASONS } from '@/lib/pipeline/quality';
import { SUMMARY_LENGTHS, SUMMARY_MODES, SUMMARY_TYPES } from '@/lib/summarize/options';
import { articleText, languageTag } from './api';
import { TRANSLATE_SCOPES } from './rules';

export const SHARE_EXPIRIES = ['never', '1d', '7d', '30d'] as const;
export type ShareExpiry = (typeof SHARE_EXPIRIES)[number];

const summarySentence = z.strictObject({
  text: z.string().check(z.maxLength(LIMITS.articleChars)),
  sources: z.array(z.int().check(z.gte(0))).check(z.maxLength(LIMITS.segments)),
  doubtful: z.optional(z.enum(DOUBT_REASONS)),
});

const summary = z.strictObject({
  text: z.string().check(z.maxLength(LIMITS.articleChars)),
  sentences: z.array(summarySentence).check(z.maxLength(100)),
});

const segment = z.strictObject({
  source: z.string().check(z.maxLength(LIMITS.articleChars)),
  target: z.string().check(z.maxLength(LIMITS.articleChars)),
  /** Why the translation is doubtful (lib/pipeline/quality.ts), kept so the share shows it as the workspace did. */
  doubtful: z.optional(z.enum(DOUBT_REASONS)),
});

const translation = z.strictObject({
  models: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(4)), []),
  summary: z.optional(summary),
  segments: z.optional(z.array(segment).check(z.maxLength(LIMITS.segments))),
});

export const shareRequest = z.strictObject({
  title: z.optional(z.string().check(z.trim(), z.maxLength(300))),
  source: z.strictObject({ text: articleText, language: languageTag }),
  summary: z.extend(summary, {
    mode: z.enum(SUMMARY_MODES),
    model: z.optional(z.string().check(z.maxLength(200))),
  }),
  translations: z
    .record(languageTag, translation)
    .check(
      z.refine((t) => Object.keys(t).length <= LIMITS.targets, `At most ${LIMITS.targets} translations`),
    ),
  options: z.strictObject({
    summary: z.strictObject({
      mode: z.enum(SUMMARY_MODES),
      type: z.enum(SUMMARY_TYPES),
      length: z.enum(SUMMARY_LENGTHS),
    }),
    translate: z.enum(TRANSLATE_SCOPES),
  }),
  expires: z._default(z.enum(SHARE_EXPIRIES), 'never'),
});

export type ShareRequest = z.infer<typeof shareRequest>;

/** `POST /api/v1/shares` → 201. The delete token is shown once; the server keeps only its hash. */
export interface ShareCreated {
  id: string;
  url: string;
  deleteToken: string;
  expiresAt: string | null;
}

/** `GET /api/v1/shares/{id}` and what the share page renders. */
export interface Share extends Omit<ShareRequest, 'expires' | 'title'> {
  id: string;
  title: string;
  /** The source split as the server splits it: `segments[i]` and summary `sources` refer to these. */
  sentences: { text: string; paragraph: number }[];
  createdAt: string;
  expiresAt: string | null;
}

/** The share request for a finished digest: what the workspace uploads when its reader presses Share. */
export function toShareRequest(
  text: string,
  result: DigestResult,
  options: ShareRequest['options'],
  extra: { title?: string; expires?: ShareExpiry } = {},
): z.input<typeof shareRequest> {
  const translations = Object.fromEntries(
    Object.entries(result.translations)
      .filter(([, t]) => !t.error)
      .map(([code, t]) => [code, { models: t.models, summary: t.summary, segments: t.segments }]),
  );
  return {
    ...extra,
    source: { text, language: result.language },
    // A summary that failed is shared as none, as a language that failed is left out.
    summary: summaryFailed(result.summary)
      ? { mode: result.summary.mode, text: '', sentences: [] }
      : {
          mode: result.summary.mode,
          model: result.summary.model,
          text: result.summary.text,
          sentences: result.summary.sentences,
        },
    translations,
    options,
  };
}
