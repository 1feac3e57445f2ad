/**
 * "Open a file": an article from a .txt, .md, .html, .pdf or .docx file, read where the reader is (the
 * browser: the file is never uploaded). PDF and Word readers are loaded only for their files.
 */
import { BitextError, isBitextError } from '@/lib/errors';
import { LIMITS } from '@/lib/limits';
import { extractArticle, type ImportedArticle } from '@/lib/text/extract-article';
import { fileKind, type FileKind } from './kinds';
import { markdownText } from './markdown';

/** What is read of a file: a browser's File, or anything shaped like one. */
export type ArticleFile = Pick<File, 'name' | 'type' | 'size' | 'arrayBuffer'>;

async function plainTextOf(file: ArticleFile, kind: FileKind): Promise<string> {
  const bytes = await file.arrayBuffer();
  switch (kind) {
    case 'txt':
    case 'html':
      return new TextDecoder().decode(bytes);
    case 'md':
      return markdownText(new TextDecoder().decode(bytes));
    case 'pdf': {
      const { readPdf } = await import('./pdf');
      return readPdf(new Uint8Array(bytes));
    }
    case 'docx': {
      const { readDocx } = await import('./docx');
      return readDocx(bytes);
    }
    default:
      return kind satisfies never;
  }
}

export async function readArticleFile(file: ArticleFile): Promise<ImportedArticle> {
  const kind = fileKind(file);
  if (!kind) throw new BitextError('file_unsupported', `"${file.name}" is not a file Bitext can read.`);
  if (file.size > LIMITS.fileBytes) {
    throw new BitextError('file_too_large', `The file is over ${LIMITS.fileBytes} bytes.`, {
      limit: LIMITS.fileBytes,
    });
  }
  const text = await plainTextOf(file, kind);
  try {
    // HTML is read as "Import from URL" reads a page (Readability); the rest is text already.
    return extractArticle({ type: kind === 'html' ? 'text/html' : 'text/plain', body: text });
  } catch (error) {
    if (isBitextError(error) && error.code === 'no_article') {
      throw new BitextError('file_empty', 'The file has no article text to read.');
    }
    throw error;
  }
}
