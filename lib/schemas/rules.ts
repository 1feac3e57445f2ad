/**
 * What the workspace checks against the request schemas (./api.ts) while it renders, free of zod: importing
 * the schemas there would put zod into every first page load. tests/limits.test.ts holds the two together.
 */
import { LIMITS } from '@/lib/limits';

export const TRANSLATE_SCOPES = ['summary', 'article', 'both'] as const;
export type TranslateScope = (typeof TRANSLATE_SCOPES)[number];

/** Whether the API takes `text` as an article (the schemas' `articleText`): not blank, within the limit. */
export function isArticleText(text: string): boolean {
  if (text.trim() === '') return false;
  // The schema counts code points (an emoji is one character, not two); only a text over the limit in UTF-16
  // units needs them counted.
  return text.length <= LIMITS.articleChars || Array.from(text).length <= LIMITS.articleChars;
}
