import { beforeAll, describe, expect, it } from 'vitest';

import { readArticleFile, type ArticleFile } from '@/lib/files/read-file';
import { normalizeText } from '@/lib/text/normalize';
import {
  articleDocx,
  articleHtml,
  articlePdf,
  encryptedPdf,
  RUNNING_HEADER,
  scannedPdf,
} from '../support/article-files';
import { failure } from '../support/bitext-error';
import { readArticle } from '../support/fixture-models';

// pdf.js wants Node 22's Promise.withResolvers; browsers have it. Node 20 runs these tests with this shim.
Promise.withResolvers ??= function <T>() {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const seed = readArticle('en-sana-lavrov.txt');
const paragraphs = normalizeText(seed).split('\n\n');

function file(name: string, data: Uint8Array | string, type = ''): ArticleFile {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return new File([bytes as BlobPart], name, { type });
}

describe('readArticleFile', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await articlePdf(seed);
  });

  it('reads a plain-text file as it is', async () => {
    const article = await readArticleFile(file('lavrov.txt', seed, 'text/plain'));
    expect(article.text).toBe(normalizeText(seed));
  });

  it('reads Markdown as text: headings, emphasis and links become plain words', async () => {
    const markdown =
      '# Lavrov speaks\n\nRussia is **not** holding [secret talks](https://example.org).\n\n- one\n- two';
    const article = await readArticleFile(file('note.md', markdown));
    expect(article.text).toBe('Lavrov speaks\n\nRussia is not holding secret talks.\n\none\ntwo');
  });

  it('reads a news page’s HTML as Import from URL does: the article, not the menu or footer', async () => {
    const article = await readArticleFile(file('lavrov.html', articleHtml(seed), 'text/html'));
    expect(article.title).toBe(paragraphs[0]);
    expect(article.text).toContain(paragraphs[2]);
    expect(article.text).not.toContain('Politics');
    expect(article.text).not.toContain('All rights reserved');
  });

  it('rebuilds a two-page PDF’s paragraphs: hyphens joined, running header and page numbers gone', async () => {
    const article = await readArticleFile(file('lavrov.pdf', pdf, 'application/pdf'));
    expect(article.text.split('\n\n')).toEqual(paragraphs);
    expect(article.text).not.toContain(RUNNING_HEADER);
  });

  it('reads a Word document’s paragraphs', async () => {
    const docx = await articleDocx(seed);
    const article = await readArticleFile(file('lavrov.docx', docx));
    expect(article.text.split('\n\n')).toEqual(paragraphs);
  });

  it.each([
    [
      'a type it cannot read',
      () => file('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
      'file_unsupported',
    ],
    ['a PDF with no text layer', async () => file('scan.pdf', await scannedPdf()), 'file_scanned'],
    ['a corrupt PDF', () => file('broken.pdf', '%PDF-1.7\nthis is not a PDF at all'), 'file_corrupt'],
    ['a corrupt Word file', () => file('broken.docx', 'PK not really a zip'), 'file_corrupt'],
    ['a file over 20 MB', () => file('huge.txt', new Uint8Array(20 * 1024 * 1024 + 1)), 'file_too_large'],
    ['text over the article limit', () => file('long.txt', 'Word. '.repeat(20_000)), 'input_too_large'],
  ])('refuses %s with a code', async (_, make, code) => {
    expect((await failure(readArticleFile(await make()))).code).toBe(code);
  });

  it('refuses an encrypted PDF with its own code', async () => {
    const locked = file('locked.pdf', await encryptedPdf(seed));
    expect((await failure(readArticleFile(locked))).code).toBe('file_encrypted');
  });
});
