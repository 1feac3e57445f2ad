/**
 * Input limits, in one place. The API answers 413 `input_too_large` naming the limit; the UI shows them
 * before the user hits them.
 *
 * Each can be overridden by an environment variable: the client half of lib/env.ts's schema, which checks
 * them (a value that is not a whole number above 0 stops the start) and whose values next.config.ts inlines
 * into the build, so the workspace and the server agree. Set them when building. Here they are only read:
 * this module runs in the browser, which gets no zod on a first visit.
 */
export const LIMIT_DEFAULTS = {
  BITEXT_LIMIT_ARTICLE_CHARS: 100_000,
  BITEXT_LIMIT_TARGETS: 10,
  BITEXT_LIMIT_SEGMENTS: 5_000,
  BITEXT_LIMIT_SHARE_BYTES: 1_000_000,
  BITEXT_LIMIT_REQUEST_BYTES: 1_000_000,
  BITEXT_LIMIT_IMPORT_BYTES: 2_000_000,
  BITEXT_LIMIT_FILE_BYTES: 20 * 1024 * 1024,
} as const;

export type LimitVariable = keyof typeof LIMIT_DEFAULTS;

function limit(name: LimitVariable, value: string | undefined): number {
  return value === undefined ? LIMIT_DEFAULTS[name] : Number(value);
}

// Spelled out one by one: Next.js inlines `process.env.NAME` into client code only when written literally.
export const LIMITS = {
  /** Characters in one article (about 15,000 words: longer than any news story). */
  articleChars: limit('BITEXT_LIMIT_ARTICLE_CHARS', process.env.BITEXT_LIMIT_ARTICLE_CHARS),
  /** Target languages in one digest. */
  targets: limit('BITEXT_LIMIT_TARGETS', process.env.BITEXT_LIMIT_TARGETS),
  /** Segments in one translate request. */
  segments: limit('BITEXT_LIMIT_SEGMENTS', process.env.BITEXT_LIMIT_SEGMENTS),
  /** Bytes of one shared result (source, summary and every translation). */
  shareBytes: limit('BITEXT_LIMIT_SHARE_BYTES', process.env.BITEXT_LIMIT_SHARE_BYTES),
  /** Bytes of any other request body: an article of `articleChars` in a 4-byte script, with room for JSON. */
  requestBytes: limit('BITEXT_LIMIT_REQUEST_BYTES', process.env.BITEXT_LIMIT_REQUEST_BYTES),
  /** Bytes of one page fetched by "Import from URL", after decompression (news pages are rarely 1 MB). */
  importBytes: limit('BITEXT_LIMIT_IMPORT_BYTES', process.env.BITEXT_LIMIT_IMPORT_BYTES),
  /** Bytes of one file opened in the workspace (read in the browser; a long report as PDF fits). */
  fileBytes: limit('BITEXT_LIMIT_FILE_BYTES', process.env.BITEXT_LIMIT_FILE_BYTES),
} as const;
