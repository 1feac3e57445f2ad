import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

import { normalizeText } from '../lib/text/normalize';
import {
  articleDocx,
  articleHtml,
  articlePdf,
  encryptedPdf,
  RUNNING_HEADER,
  scannedPdf,
} from '../tests/support/article-files';
import { WorkspacePage } from './pages/workspace-page';
import { SEED_ARTICLE } from './support/messages';

const PARAGRAPHS = normalizeText(SEED_ARTICLE).split('\n\n');

/** Drops a file on `target` as a reader drags one from their desktop: a DataTransfer holding a File. */
async function dropFile(page: Page, target: Locator, name: string, data: Uint8Array | string, type: string) {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const transfer = await page.evaluateHandle(
    ({ name, type, base64 }) => {
      const binary = atob(base64);
      const file = new File([Uint8Array.from(binary, (c) => c.charCodeAt(0))], name, { type });
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(file);
      return dataTransfer;
    },
    { name, type, base64: Buffer.from(bytes).toString('base64') },
  );
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

test.beforeEach(async ({ page }) => {
  // Recorded from the first script on: pdf.js's worker must run under the page's CSP.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
});

test('a PDF, a Word file and a news page dropped on the box fill it with the article’s paragraphs', async ({
  page,
}) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  const opened = (name: string) =>
    page.getByRole('status').filter({ hasText: workspace.t('OpenFile.opened', { name }) });

  await dropFile(page, workspace.article, 'lavrov.pdf', await articlePdf(SEED_ARTICLE), 'application/pdf');
  await expect(opened('lavrov.pdf')).toBeVisible();
  await expect(workspace.article).toHaveValue(PARAGRAPHS.join('\n\n'));
  await expect(workspace.article).not.toHaveValue(new RegExp(RUNNING_HEADER));
  await expect(workspace.detectedLanguage).toBeVisible();

  await workspace.article.fill('');
  await dropFile(page, workspace.article, 'lavrov.html', articleHtml(SEED_ARTICLE), 'text/html');
  await expect(opened('lavrov.html')).toBeVisible();
  const text = await workspace.article.inputValue();
  expect(text.split('\n\n').slice(0, 3)).toEqual(PARAGRAPHS.slice(0, 3));
  expect(text).not.toContain('Politics');

  // pdf.js and its worker, and Readability, run under the page's CSP without tripping it.
  expect(
    await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  ).toEqual([]);

  // mammoth's bundled Node polyfills probe for eval once (the CSP refuses it; nothing needs it): checked after.
  await dropFile(page, workspace.article, 'lavrov.docx', await articleDocx(SEED_ARTICLE), '');
  await expect(opened('lavrov.docx')).toBeVisible();
  await expect(workspace.article).toHaveValue(PARAGRAPHS.join('\n\n'));
});

test('the file picker opens a file too, and a file it cannot read says why, in the UI language', async ({
  page,
}) => {
  const workspace = new WorkspacePage(page, 'ru');
  await workspace.goto();
  await page.getByRole('button', { name: workspace.t('OpenFile.open') }).click({ trial: true });
  await page.locator('input[type=file]').setInputFiles({
    name: 'lavrov.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(SEED_ARTICLE),
  });
  await expect(workspace.article).toHaveValue(normalizeText(SEED_ARTICLE));

  // The form's alert (Next.js keeps an empty one of its own for route announcements).
  const alert = page.getByRole('form').getByRole('alert');
  await dropFile(page, workspace.article, 'scan.pdf', await scannedPdf(), 'application/pdf');
  await expect(alert).toHaveText(workspace.t('Errors.file_scanned'));
  await dropFile(page, workspace.article, 'locked.pdf', await encryptedPdf(SEED_ARTICLE), 'application/pdf');
  await expect(alert).toHaveText(workspace.t('Errors.file_encrypted'));
  await dropFile(page, workspace.article, 'photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png');
  await expect(alert).toHaveText(workspace.t('Errors.file_unsupported'));
  // The article is untouched by the files that failed.
  await expect(workspace.article).toHaveValue(normalizeText(SEED_ARTICLE));
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 390, height: 844 });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
