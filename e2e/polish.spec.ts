import { expect, test, type Locator } from '@playwright/test';

import { WorkspacePage } from './pages/workspace-page';
import { nameIn, SCRIPT_TEXT } from './support/messages';

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

/** How many lines of text `locator` takes up: its text's line boxes, those side by side counted once. */
function linesOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const spans: [number, number][] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.height > 0) spans.push([rect.top, rect.bottom]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    let lines = 0;
    let bottom = -Infinity;
    for (const [top, end] of spans) {
      // A box overlapping the current line is on it (a button's label beside a title, a smaller font).
      if (top >= bottom - 4) {
        lines++;
        bottom = end;
      } else bottom = Math.max(bottom, end);
    }
    return lines;
  });
}

test('in Russian on a laptop screen, "Read in" is one row, the summary header two lines, Share beside Download', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const workspace = new WorkspacePage(page, 'ru');
  const t = workspace.t;
  await workspace.goto();
  await workspace.runSample(['ru', 'zh-Hans', 'hi']);

  // The original and three languages to read the summary in, on the row of their label.
  const readIn = workspace.summary.getByRole('combobox', { name: t('SummaryPane.readIn') });
  await expect(readIn.getByRole('option')).toHaveCount(4);
  const label = workspace.summary.getByText(t('SummaryPane.readIn'), { exact: true });
  const [labelBox, readInBox] = await Promise.all([label.boundingBox(), readIn.boundingBox()]);
  expect(Math.abs(labelBox!.y + labelBox!.height / 2 - (readInBox!.y + readInBox!.height / 2))).toBeLessThan(
    4,
  );
  await readIn.selectOption({ label: nameIn('ru', 'hi') });
  await expect(workspace.summary.getByRole('listitem').first()).toContainText(SCRIPT_TEXT.hi);

  expect(await linesOf(workspace.summary.locator('header'))).toBeLessThanOrEqual(2);

  // Share is one of the results' actions, on the row of Download, not under everything.
  const results = page.getByRole('region', { name: t('ResultsView.heading'), exact: true });
  const share = results.getByRole('button', { name: t('ShareButton.open') });
  const download = results.getByRole('button', { name: t('ResultsView.download') });
  await expect(share).toBeVisible();
  const [shareBox, downloadBox] = await Promise.all([share.boundingBox(), download.boundingBox()]);
  expect(Math.abs(shareBox!.y - downloadBox!.y)).toBeLessThan(4);
  expect(Math.abs(shareBox!.x - downloadBox!.x)).toBeLessThan(400);
});
