/**
 * A pasted article, ready for the models: normalised, boilerplate set aside (kept, never dropped
 * silently), split into sentences that remember their paragraph so translations keep the layout.
 */
import { stripBoilerplate, type RemovedLine } from '@/lib/text/boilerplate';
import { normalizeText, splitParagraphs } from '@/lib/text/normalize';
import { joinSentences } from '@/lib/text/chunk';
import { splitSentences } from '@/lib/text/segment';

export interface SourceSentence {
  text: string;
  paragraph: number;
  /** Its Latin form, when romanisation was asked for. */
  latin?: string;
}

export interface CleanArticle {
  body: string;
  removed: RemovedLine[];
}

export function cleanArticle(text: string): CleanArticle {
  return stripBoilerplate(normalizeText(text));
}

export function sentencesOf(body: string, language: string): SourceSentence[] {
  return splitParagraphs(body).flatMap((paragraph, index) =>
    splitSentences(paragraph, language).map((s) => ({ text: s.text, paragraph: index })),
  );
}

/** Rebuild paragraphs from (translated) sentences laid out like `layout`. */
export function joinParagraphs(texts: readonly string[], layout: readonly SourceSentence[]): string {
  const paragraphs: string[][] = [];
  texts.forEach((text, i) => {
    const paragraph = layout[i]?.paragraph ?? 0;
    (paragraphs[paragraph] ??= []).push(text);
  });
  return paragraphs.filter(Boolean).map(joinSentences).join('\n\n');
}
