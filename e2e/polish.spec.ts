import { expect, test } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';

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
  await workspace.chooseEngine('server');
  await workspace.loadSample();
  await workspace.setTargets(['ru']);
  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t('ResultsView.download') }).click();
  expect((await download).suggestedFilename()).toMatch(/^lavrov-russia-isn-t-conducting[a-z-]*\.md$/);

  await page.getByRole('button', { name: t('ShareButton.open') }).click();
  const panel = page.getByRole('region', { name: t('ShareButton.heading') });
  await panel.getByRole('combobox', { name: t('ShareButton.expiry.label') }).selectOption('7d');
  await panel.getByRole('button', { name: t('ShareButton.create') }).click();
  const [expires = ''] = t('MyShares.expires', { date: '§' }).split('§');
  await expect(page.getByRole('region', { name: t('MyShares.heading') }).getByRole('listitem')).toContainText(
    expires.trim(),
  );
});
