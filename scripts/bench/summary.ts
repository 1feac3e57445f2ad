/**
 * Summary lengths (bench 9): characters of summary per character of article, per type and length, on the
 * seed and on long articles (numbered copies of it, so no sentence repeats). Extractive, so no model.
 */
import { readFile } from 'node:fs/promises';
import { cleanArticle, sentencesOf } from '@/lib/pipeline/document';
import { summarizeExtractive } from '@/lib/summarize/extractive';
import { SUMMARY_LENGTHS, type SummaryType } from '@/lib/summarize/options';
import type { BenchRow, BenchSection } from './report';
import { round } from './stats';

const TYPES: SummaryType[] = ['key-points', 'tldr'];
const COPIES = [1, 10, 50];

function copiesOf(seed: string, copies: number): string {
  return Array.from({ length: copies }, (_, copy) =>
    seed
      .split('\n\n')
      .map((paragraph, i) => (copy === 0 && i === 0 ? paragraph : `(${copy + 1}) ${paragraph}`))
      .join('\n\n'),
  ).join('\n\n');
}

export async function benchSummary(): Promise<BenchSection> {
  const seed = await readFile(
    new URL('../../tests/fixtures/articles/en-sana-lavrov.txt', import.meta.url),
    'utf8',
  );
  const rows: BenchRow[] = [];
  for (const copies of COPIES) {
    const sentences = sentencesOf(cleanArticle(copiesOf(seed, copies)).body, 'en').map((s) => s.text);
    const article = sentences.join(' ').length;
    for (const type of TYPES) {
      for (const length of SUMMARY_LENGTHS) {
        const summary = summarizeExtractive(sentences, { language: 'en', type, length });
        const chars = summary.sentences.map((s) => s.text).join(' ').length;
        rows.push({
          metric: `${type} ${length}, ${copies === 1 ? 'seed' : `${copies}× seed`} (${sentences.length} sentences)`,
          value: round((chars / article) * 100, 1),
          unit: '% of the article',
          note: `${summary.sentences.length} sentences`,
        });
      }
    }
  }
  return { name: 'summary', rows, details: null };
}
