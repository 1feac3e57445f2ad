import { expect, test } from '@playwright/test';

import { WorkspacePage } from './pages/workspace-page';

test('on first load nothing indents "Article language"', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  const label = page.getByText(workspace.t('SourceLanguage.label'), { exact: true });
  const [labelBox, articleBox] = await Promise.all([label.boundingBox(), workspace.article.boundingBox()]);
  expect(Math.abs(labelBox!.x - articleBox!.x)).toBeLessThan(1);
});

test('a touch phone is not told to press Ctrl Enter', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.loadSample();
  await expect(workspace.runButton).toBeEnabled();
  await expect(page.getByText(workspace.t('RunControls.shortcut', { keys: 'Ctrl Enter' }))).toHaveCount(0);
  await context.close();
});

test('the Markdown file is named after the article, and "Your shared links" says when each expires', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const workspace = new WorkspacePage(page);
  const t = workspace.t;
  await workspace.goto();
  await workspace.runSample(['ru']);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t('ResultsView.download') }).click();
  expect((await download).suggestedFilename()).toMatch(/^lavrov-russia-isn-t-conducting[a-z-]*\.md$/);

  // A new share's default expiry.
  await workspace.createShare();
  const [expires = ''] = t('MyShares.expires', { date: '§' }).split('§');
  await expect(page.getByRole('region', { name: t('MyShares.heading') }).getByRole('listitem')).toContainText(
    expires.trim(),
  );
});
