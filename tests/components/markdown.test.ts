import { beforeAll, describe, expect, it } from 'vitest';

import { digestMarkdown, type MarkdownLabels } from '@/components/results/markdown';
import { digest, type DigestResult } from '@/lib/pipeline/digest';
import { readArticle, scriptShare, configureFixtureModels } from '../support/fixture-models';

const LABELS: MarkdownLabels = {
  fallbackTitle: 'Bitext digest',
  summary: 'Summary',
  article: 'Article',
  source: 'Source',
  nameOf: (code) => ({ en: 'English', ru: 'Russian', ar: 'Arabic' })[code] ?? code,
  errorOf: (code) => `Failed: ${code}`,
};

/** The text under a `## heading` or `### heading`, up to the next heading of any level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n\n`);
  if (start === -1) throw new Error(`No "${heading}" in:\n${markdown}`);
  const body = markdown.slice(start + heading.length + 2);
  return body.slice(0, body.search(/^#{1,3} /m) === -1 ? undefined : body.search(/^#{1,3} /m)).trim();
}

describe('digestMarkdown', () => {
  let result: DigestResult;
  let markdown: string;

  beforeAll(async () => {
    result = await digest(
      {
        text: readArticle('en-sana-lavrov.txt'),
        targets: ['ru', 'ar'],
        summary: { mode: 'extractive', type: 'key-points', length: 'long' },
        translate: 'both',
      },
      configureFixtureModels(),
    );
    markdown = digestMarkdown(result, 'key-points', LABELS);
  });

  it('titles the document with the article’s headline', () => {
    expect(markdown.split('\n')[0]).toBe(
      '# Lavrov: Russia isn’t’ conducting any secret negotiations about Syria',
    );
  });

  it('gives the summary as bullet points, then each language’s summary and article', () => {
    expect(section(markdown, '## Summary (English)').split('\n')).toHaveLength(3);
    const russian = markdown.slice(markdown.indexOf('## Russian'));
    const summary = section(russian, '### Summary');
    expect(summary.split('\n').every((line) => line.startsWith('- '))).toBe(true);
    expect(scriptShare(summary, 'Cyrillic')).toBeGreaterThan(0.8);
    const article = section(russian, '### Article');
    expect(article.split('\n\n')).toHaveLength(new Set(result.sentences.map((s) => s.paragraph)).size);
  });

  it('records a language that failed instead of leaving it out', () => {
    expect(section(markdown, '## Arabic')).toBe('> Failed: model_unavailable');
  });

  it('ends with the cleaned source, paragraphs kept and boilerplate gone', () => {
    const source = section(markdown, '## Source (English)');
    expect(source).toContain('Staffan de Mistura');
    expect(source).not.toContain('Check Also');
    expect(markdown.endsWith('\n')).toBe(true);
  });

  it('escapes Markdown syntax that appears in the article', () => {
    const tricky: DigestResult = {
      ...result,
      sentences: [
        { text: '# Not a heading', paragraph: 0 },
        { text: 'Prices rose *sharply* in [Q1].', paragraph: 1 },
      ],
      translations: {},
    };
    const source = section(digestMarkdown(tricky, 'key-points', LABELS), '## Source (English)');
    expect(source).toBe('\\# Not a heading\n\nPrices rose \\*sharply\\* in \\[Q1\\].');
  });

  it('can give each paragraph of a romanised language its Latin form, in italics under it', async () => {
    const { romanize } = await import('@/lib/romanize');
    const latin = digestMarkdown(result, 'key-points', {
      ...LABELS,
      latinOf: (text, language) => (language === 'ru' ? romanize(text, language) : undefined),
    });
    const article = section(latin.slice(latin.indexOf('## Russian')), '### Article').split('\n\n');
    const plain = section(markdown.slice(markdown.indexOf('## Russian')), '### Article').split('\n\n');
    // Every paragraph is followed by its romanisation (the fixture model spells "Lavrov" as "Лавров").
    expect(article).toHaveLength(plain.length * 2);
    expect(article[0]).toBe(plain[0]);
    expect(article[1]).toMatch(/^\*[\p{Script=Latin}\p{P}\p{N}\s\\]+\*$/u);
    expect(article.join('\n')).toContain('Lavrov');
    // English (the source) is not romanised: unchanged.
    expect(section(latin, '## Source (English)')).toBe(section(markdown, '## Source (English)'));
  });
});
