/**
 * Input limits, in one place. The API answers 413 `input_too_large` naming the limit; the UI shows them
 * before the user hits them.
 */
export const LIMITS = {
  /** Characters in one article (about 15,000 words: longer than any news story). */
  articleChars: 100_000,
  /** Target languages in one digest. */
  targets: 10,
  /** Segments in one translate request. */
  segments: 5_000,
  /** Bytes of one shared result (source, summary and every translation). */
  shareBytes: 1_000_000,
  /** Bytes of any other request body: an article of `articleChars` in a 4-byte script, with room for JSON. */
  requestBytes: 1_000_000,
  /** Bytes of one page fetched by "Import from URL", after decompression (news pages are rarely 1 MB). */
  importBytes: 2_000_000,
} as const;
