/**
 * Request schemas shared by the route handlers and the client fetchers. Unknown language codes are a
 * 422 (`unsupported_language`) rather than a 400, so they are checked after parsing, not here.
 */
import { z } from 'zod';
import { LIMITS } from '@/lib/limits';
import { SUMMARY_LENGTHS, SUMMARY_MODES, SUMMARY_TYPES } from '@/lib/summarize/options';

export const TRANSLATE_SCOPES = ['summary', 'article', 'both'] as const;
export type TranslateScope = (typeof TRANSLATE_SCOPES)[number];

// zod 4 probes `new Function` once to decide whether to compile fast parsers; our pages' CSP forbids eval
// (and reports the attempt as a violation), so parse without it everywhere these schemas are used.
z.config({ jitless: true });

/** A BCP-47-shaped tag ("en", "zh-Hans"); whether Bitext supports it is checked separately. */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Expected a BCP-47 language code');

/** Article text: at least one visible character, at most the article limit (413 when over). */
export const articleText = z
  .string()
  .max(LIMITS.articleChars, `At most ${LIMITS.articleChars} characters`)
  .refine((s) => s.trim().length > 0, 'Text is empty');

export const detectRequest = z.strictObject({ text: articleText });

export const summarizeRequest = z.strictObject({
  text: articleText,
  language: languageTag.optional(),
  mode: z.enum(SUMMARY_MODES).default('extractive'),
  type: z.enum(SUMMARY_TYPES).default('key-points'),
  length: z.enum(SUMMARY_LENGTHS).default('medium'),
});

export const translateRequest = z
  .strictObject({
    text: articleText.optional(),
    segments: z
      .array(z.string().max(LIMITS.articleChars))
      .min(1)
      .max(LIMITS.segments)
      .refine((s) => s.join('').length <= LIMITS.articleChars, `At most ${LIMITS.articleChars} characters`)
      .optional(),
    source: languageTag.optional(),
    target: languageTag,
  })
  .refine((r) => (r.text === undefined) !== (r.segments === undefined), 'Give either text or segments');

export type DetectRequest = z.infer<typeof detectRequest>;
export type SummarizeRequest = z.infer<typeof summarizeRequest>;
export type TranslateRequest = z.infer<typeof translateRequest>;

export const digestRequest = z.strictObject({
  text: articleText,
  source: languageTag.optional(),
  targets: z.array(languageTag).min(1).max(LIMITS.targets, `At most ${LIMITS.targets} target languages`),
  summary: z
    .strictObject({
      mode: z.enum(SUMMARY_MODES).default('extractive'),
      type: z.enum(SUMMARY_TYPES).default('key-points'),
      length: z.enum(SUMMARY_LENGTHS).default('medium'),
    })
    .prefault({}),
  translate: z.enum(TRANSLATE_SCOPES).default('summary'),
});

export type DigestRequestBody = z.infer<typeof digestRequest>;

export const extractRequest = z.strictObject({ url: z.string().min(1).max(2048) });
