/**
 * `romanize: true` on /translate and /digests (and the CLI's --romanize): each segment gains `latin`, the
 * Latin form of its text, where its language is one Bitext romanises. Loaded by the pipeline only when asked,
 * so the browser's worker does not carry the dictionaries.
 */
import type { LanguageResult } from '@/lib/pipeline/digest';
import type { SourceSentence } from '@/lib/pipeline/document';
import { romanize } from './index';
import { isRomanized } from './languages';

export function withLatin<T extends { target: string }>(segments: T[], language: string): T[] {
  if (!isRomanized(language)) return segments;
  return segments.map((segment) => ({ ...segment, latin: romanize(segment.target, language) }));
}

export function languageWithLatin(result: LanguageResult, language: string): LanguageResult {
  return result.segments ? { ...result, segments: withLatin(result.segments, language) } : result;
}

export function sentencesWithLatin(sentences: SourceSentence[], language: string): SourceSentence[] {
  if (!isRomanized(language)) return sentences;
  return sentences.map((sentence) => ({ ...sentence, latin: romanize(sentence.text, language) }));
}
