/**
 * What the workspace checks against the request schemas (./api.ts) while it renders, free of zod: importing
 * the schemas there would put zod into every first page load. tests/limits.test.ts holds the two together.
 */
import { LIMITS } from '@/lib/limits';

export const TRANSLATE_SCOPES = ['summary', 'article', 'both'] as const;
export type TranslateScope = (typeof TRANSLATE_SCOPES)[number];

/**
 * An article's length as every limit counts it, in the workspace and on the server: code points, as the
 * schemas do (an emoji is one character, not two UTF-16 units).
 */
export function articleLength(text: string): number {
  // Each surrogate pair is one code point; counting pairs builds no array of 100,000 strings per keystroke.
  return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/** Whether the API takes `text` as an article (the schemas' `articleText`): not blank, within the limit. */
export function isArticleText(text: string): boolean {
  if (text.trim() === '') return false;
  // Only a text over the limit in UTF-16 units can have fewer code points than that.
  return text.length <= LIMITS.articleChars || articleLength(text) <= LIMITS.articleChars;
}
