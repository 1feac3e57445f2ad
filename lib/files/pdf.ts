import { BitextError } from '@/lib/errors';
import { pdfParagraphs, type PdfTextRun } from './pdf-layout';

/**
 * Where the browser loads pdf.js's worker from: our own origin (scripts/copy-pdf-worker.ts puts it in
 * public/ before a build), so the page's CSP (`worker-src 'self'`) and cross-origin isolation both allow it.
 */
export const PDF_WORKER_URL = '/pdfjs/pdf.worker.min.mjs';

/** The paragraphs of a PDF's text layer, or a coded error for a locked, broken or text-less file. */
export async function readPdf(data: Uint8Array): Promise<string> {
  // The legacy build: the modern one needs iterator helpers that Node 20 (tests, scripts) lacks.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // In a browser the parsing runs in pdf.js's worker; Node (tests, scripts) runs it in-process.
  if (typeof window !== 'undefined') pdfjs.GlobalWorkerOptions.workerSrc = PDF_WORKER_URL;
  const task = pdfjs.getDocument({ data, stopAtErrors: true });
  try {
    const document = await task.promise.catch((error: unknown) => {
      const name = error instanceof Error ? error.name : '';
      if (name === 'PasswordException') {
        throw new BitextError('file_encrypted', 'The PDF is locked with a password.');
      }
      throw new BitextError('file_corrupt', `The PDF could not be read (${name || 'unknown error'}).`);
    });
    const pages: PdfTextRun[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        content.items.flatMap((item) =>
          'str' in item
            ? [
                {
                  str: item.str,
                  x: item.transform[4] as number,
                  y: item.transform[5] as number,
                  height: item.height,
                },
              ]
            : [],
        ),
      );
    }
    const text = pdfParagraphs(pages).join('\n\n');
    if (text.trim() === '') {
      throw new BitextError('file_scanned', 'The PDF has no text layer (a scan?): there is no text to read.');
    }
    return text;
  } finally {
    await task.destroy();
  }
}
