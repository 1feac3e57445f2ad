/**
 * What `POST /api/v1/romanize` does. Apart from ./index because it detects the language through the
 * pipeline's rules, which the browser's lazily loaded romaniser has no need to carry.
 */
import type { LanguageCode } from '@/lib/langs';
import { resolveLanguage } from '@/lib/pipeline/tasks';
import { normalizeText } from '@/lib/text/normalize';
import { romanizeSegments } from './index';

export function romanizeText(text: string, language?: LanguageCode) {
  const resolved = resolveLanguage(normalizeText(text), language).language;
  return { segments: romanizeSegments(text, resolved) };
}
