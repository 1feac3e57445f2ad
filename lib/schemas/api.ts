/**
 * Request schemas shared by the route handlers and the client fetchers. Unknown language codes are a
 * 422 (`unsupported_language`) rather than a 400, so they are checked after parsing, not here.
 *
 * Written with zod/mini, whose functions tree-shake: the browser loads these schemas too (for its first server
 * run, URL import or share), and full zod is about twice the download for the same checks. What the workspace
 * checks while it renders is in ./rules.ts, free of zod.
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { LIMITS } from '@/lib/limits';
import { SUMMARY_LENGTHS, SUMMARY_MODES, SUMMARY_TYPES } from '@/lib/summarize/options';
import { TRANSLATE_SCOPES } from './rules';

export type { TranslateScope } from './rules';

// zod/mini loads no locale, so every issue would read "Invalid input": install full zod's English messages, in
// which the API's errors (and the page's checks before sending) are worded. And zod can compile fast parsers
// with `new Function`, which our pages' CSP forbids (and reports as a violation): zod/mini's objects do not,
// but parse without it everywhere these schemas are used all the same.
z.config({ ...en(), jitless: true });

/** A BCP-47-shaped tag ("en", "zh-Hans"); whether Bitext supports it is checked separately. */
export const languageTag = z
  .string()
  .check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Expected a BCP-47 language code'));

/** Article text: at least one visible character, at most the article limit (413 when over). */
export const articleText = z.string().check(
  z.maxLength(LIMITS.articleChars, `At most ${LIMITS.articleChars} characters`),
  z.refine((s) => s.trim().length > 0, 'Text is empty'),
);

const summaryMode = z._default(z.enum(SUMMARY_MODES), 'extractive');
const summaryType = z._default(z.enum(SUMMARY_TYPES), 'key-points');
const summaryLength = z._default(z.enum(SUMMARY_LENGTHS), 'medium');

export const detectRequest = z.strictObject({ text: articleText });

export const summarizeRequest = z.strictObject({
  text: articleText,
  language: z.optional(languageTag),
  mode: summaryMode,
  type: summaryType,
  length: summaryLength,
});

export const translateRequest = z
  .strictObject({
    text: z.optional(articleText),
    segments: z.optional(
      z.array(z.string().check(z.maxLength(LIMITS.articleChars))).check(
        z.minLength(1),
        z.maxLength(LIMITS.segments),
        z.refine(
          (s) => s.join('').length <= LIMITS.articleChars,
          `At most ${LIMITS.articleChars} characters`,
        ),
      ),
    ),
    source: z.optional(languageTag),
    target: languageTag,
    romanize: z.optional(z.boolean()),
  })
  .check(
    z.refine((r) => (r.text === undefined) !== (r.segments === undefined), 'Give either text or segments'),
  );

export type DetectRequest = z.infer<typeof detectRequest>;
export type SummarizeRequest = z.infer<typeof summarizeRequest>;
export type TranslateRequest = z.infer<typeof translateRequest>;

export const digestRequest = z.strictObject({
  text: articleText,
  source: z.optional(languageTag),
  targets: z
    .array(languageTag)
    .check(z.minLength(1), z.maxLength(LIMITS.targets, `At most ${LIMITS.targets} target languages`)),
  summary: z.prefault(z.strictObject({ mode: summaryMode, type: summaryType, length: summaryLength }), {}),
  translate: z._default(z.enum(TRANSLATE_SCOPES), 'summary'),
  romanize: z.optional(z.boolean()),
});

export type DigestRequestBody = z.infer<typeof digestRequest>;

/** Text to show in Latin letters; the language is detected when not given. */
export const romanizeRequest = z.strictObject({ text: articleText, language: z.optional(languageTag) });

export const extractRequest = z.strictObject({ url: z.string().check(z.minLength(1), z.maxLength(2048)) });
