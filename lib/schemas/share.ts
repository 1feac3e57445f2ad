/**
 * A shared result: what the person saw, uploaded by the workspace after either engine. The server
 * re-validates the structure (and checks it against its own sentence split) rather than trusting it.
 */
import { z } from 'zod';
import type { DigestResult } from '@/lib/pipeline/digest';
import { LIMITS } from '@/lib/limits';
import { SUMMARY_LENGTHS, SUMMARY_MODES, SUMMARY_TYPES } from '@/lib/summarize/options';
import { articleText, languageTag, TRANSLATE_SCOPES } from './api';

export const SHARE_EXPIRIES = ['never', '1d', '7d', '30d'] as const;
export type ShareExpiry = (typeof SHARE_EXPIRIES)[number];

const summarySentence = z.strictObject({
  text: z.string().max(LIMITS.articleChars),
  sources: z.array(z.number().int().min(0)).max(LIMITS.segments),
});

const summary = z.strictObject({
  text: z.string().max(LIMITS.articleChars),
  sentences: z.array(summarySentence).max(100),
});

const segment = z.strictObject({
  source: z.string().max(LIMITS.articleChars),
  target: z.string().max(LIMITS.articleChars),
});

const translation = z.strictObject({
  models: z.array(z.string().max(200)).max(4).default([]),
  summary: summary.optional(),
  segments: z.array(segment).max(LIMITS.segments).optional(),
});

export const shareRequest = z.strictObject({
  title: z.string().trim().max(300).optional(),
  source: z.strictObject({ text: articleText, language: languageTag }),
  summary: summary.extend({ mode: z.enum(SUMMARY_MODES), model: z.string().max(200).optional() }),
  translations: z
    .record(languageTag, translation)
    .refine((t) => Object.keys(t).length <= LIMITS.targets, `At most ${LIMITS.targets} translations`),
  options: z.strictObject({
    summary: z.strictObject({
      mode: z.enum(SUMMARY_MODES),
      type: z.enum(SUMMARY_TYPES),
      length: z.enum(SUMMARY_LENGTHS),
    }),
    translate: z.enum(TRANSLATE_SCOPES),
  }),
  expires: z.enum(SHARE_EXPIRIES).default('never'),
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
    summary: {
      mode: result.summary.mode,
      model: result.summary.model,
      text: result.summary.text,
      sentences: result.summary.sentences,
    },
    translations,
    options,
  };
}
