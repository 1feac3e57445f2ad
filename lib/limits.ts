/**
 * Input limits, in one place. The API answers 413 `input_too_large` naming the limit; the UI shows them
 * before the user hits them.
 *
 * Each can be overridden by an environment variable. next.config.ts passes the same variables into the
 * client build, so the workspace and the server agree: set them both when building and when starting.
 */
function fromEnv(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isSafeInteger(parsed) && parsed > 0 ? parsed : fallback;
}

// Spelled out one by one: Next.js inlines `process.env.NAME` into client code only when written literally.
export const LIMITS = {
  /** Characters in one article (about 15,000 words: longer than any news story). */
  articleChars: fromEnv(process.env.BITEXT_LIMIT_ARTICLE_CHARS, 100_000),
  /** Target languages in one digest. */
  targets: fromEnv(process.env.BITEXT_LIMIT_TARGETS, 10),
  /** Segments in one translate request. */
  segments: fromEnv(process.env.BITEXT_LIMIT_SEGMENTS, 5_000),
  /** Bytes of one shared result (source, summary and every translation). */
  shareBytes: fromEnv(process.env.BITEXT_LIMIT_SHARE_BYTES, 1_000_000),
  /** Bytes of any other request body: an article of `articleChars` in a 4-byte script, with room for JSON. */
  requestBytes: fromEnv(process.env.BITEXT_LIMIT_REQUEST_BYTES, 1_000_000),
  /** Bytes of one page fetched by "Import from URL", after decompression (news pages are rarely 1 MB). */
  importBytes: fromEnv(process.env.BITEXT_LIMIT_IMPORT_BYTES, 2_000_000),
  /** Bytes of one file opened in the workspace (read in the browser; a long report as PDF fits). */
  fileBytes: fromEnv(process.env.BITEXT_LIMIT_FILE_BYTES, 20 * 1024 * 1024),
} as const;

/** The variables above, for next.config.ts to hand to the client build. */
export const LIMIT_VARIABLES = [
  'BITEXT_LIMIT_ARTICLE_CHARS',
  'BITEXT_LIMIT_TARGETS',
  'BITEXT_LIMIT_SEGMENTS',
  'BITEXT_LIMIT_SHARE_BYTES',
  'BITEXT_LIMIT_REQUEST_BYTES',
  'BITEXT_LIMIT_IMPORT_BYTES',
  'BITEXT_LIMIT_FILE_BYTES',
] as const;
