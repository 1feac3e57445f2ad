import type { DigestResult } from '@/lib/pipeline/digest';
import { summaryFailed } from '@/lib/pipeline/parts';
import { joinParagraphs } from '@/lib/pipeline/document';
import type { SummaryType } from '@/lib/summarize/options';
import { joinSentences } from '@/lib/text/chunk';

export interface MarkdownLabels {
  /** Used when the article has no one-sentence first paragraph to serve as its headline. */
  fallbackTitle: string;
  summary: string;
  article: string;
  source: string;
  nameOf: (code: string) => string;
  /** A per-language failure, already translated. */
  errorOf: (code: string) => string;
  /** A paragraph's Latin form, for the languages the reader asked to see pronounced; else undefined. */
  latinOf?: (text: string, language: string) => string | undefined;
}

/** Markdown's own syntax in article text, escaped so a pasted "* " or "# " stays text. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&').replace(/^(#|>|[-+]\s|\d+[.)]\s)/gm, '\\$1');
}

/** Paragraphs of running text, each followed by its Latin form in italics when there is one. */
function paragraphsBlock(text: string, language: string, labels: MarkdownLabels): string {
  return text
    .split('\n\n')
    .flatMap((paragraph) => {
      const latin = labels.latinOf?.(paragraph, language);
      return latin ? [escape(paragraph), `*${escape(latin)}*`] : [escape(paragraph)];
    })
    .join('\n\n');
}

function summaryBlock(sentences: readonly { text: string }[], type: SummaryType): string {
  if (type === 'key-points') return sentences.map((s) => `- ${escape(s.text)}`).join('\n');
  return escape(joinSentences(sentences.map((s) => s.text)));
}

/**
 * The whole result as one Markdown document: the summary, then each language (its summary and article), then
 * the source it all came from. Headings are in the reader's UI language.
 */
export function digestMarkdown(result: DigestResult, type: SummaryType, labels: MarkdownLabels): string {
  const { sentences } = result;
  const headline = headlineOf(result);
  const blocks = [
    `# ${escape(headline ?? labels.fallbackTitle)}`,
    `## ${labels.summary} (${labels.nameOf(result.language)})`,
    summaryFailed(result.summary)
      ? `> ${labels.errorOf(result.summary.error.code)}`
      : summaryBlock(result.summary.sentences, type),
  ];
  for (const [code, translation] of Object.entries(result.translations)) {
    blocks.push(`## ${labels.nameOf(code)}`);
    if (translation.error) blocks.push(`> ${labels.errorOf(translation.error.code)}`);
    if (translation.summary)
      blocks.push(`### ${labels.summary}`, summaryBlock(translation.summary.sentences, type));
    if (translation.segments) {
      const texts = translation.segments.map((s) => s.target);
      blocks.push(`### ${labels.article}`, paragraphsBlock(joinParagraphs(texts, sentences), code, labels));
    }
  }
  blocks.push(
    `## ${labels.source} (${labels.nameOf(result.language)})`,
    paragraphsBlock(
      joinParagraphs(
        sentences.map((s) => s.text),
        sentences,
      ),
      result.language,
      labels,
    ),
  );
  return `${blocks.filter(Boolean).join('\n\n')}\n`;
}

/** The article's headline: a first paragraph of one sentence, with more after it. */
export function headlineOf({ sentences }: Pick<DigestResult, 'sentences'>): string | undefined {
  const first = sentences[0];
  return first &&
    sentences.filter((s) => s.paragraph === first.paragraph).length === 1 &&
    sentences.length > 1
    ? first.text
    : undefined;
}

/** Longest file name stem, cut at a word: long enough to recognise, short enough for any file system. */
const MAX_STEM = 60;

/**
 * The downloaded file's name from the headline's words ("lavrov-russia-isn-t-conducting-any-secret.md"), in
 * any script; `fallback` (a dated "bitext-2026-12-02") when there is no headline.
 */
export function markdownFileName(headline: string | undefined, fallback: string): string {
  const words =
    (headline ?? '')
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  let stem = '';
  for (const word of words) {
    const next = stem ? `${stem}-${word}` : word;
    if (next.length > MAX_STEM) break;
    stem = next;
  }
  return `${stem || fallback}.md`;
}
