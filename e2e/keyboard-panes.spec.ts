import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { longArticle } from './support/messages';

test.setTimeout(150_000);

/** How many elements of the page a Tab press can land on. */
function tabStops(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [
        ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
      ].filter(
        (element) =>
          element.tabIndex >= 0 &&
          !(element as HTMLButtonElement).disabled &&
          element.getClientRects().length > 0,
      ).length,
  );
}

test('each result pane is one Tab stop: Run reaches the language tabs in a few presses', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.prepareSample(['ru', 'zh-Hans', 'hi']);
  await workspace.chooseScope('article');
  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });

  await workspace.runButton.focus();
  let presses = 0;
  while (presses < 40 && !(await workspace.tab('ru').evaluate((tab) => tab === document.activeElement))) {
    await page.keyboard.press('Tab');
    presses++;
  }
  await expect(workspace.tab('ru')).toBeFocused();
  // Past the results' own controls, the source pane (its actions, then its sentences as one stop) and the
  // summary pane (the same): 11 to 14 presses, as the page around them has grown; the sample's sentences and
  // key points, each a stop of its own, used to add 8 more.
  expect(presses).toBeLessThanOrEqual(14);
});

test('arrows and j/k move between a pane’s sentences, and their counterparts light up', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.prepareSample(['ru']);
  await workspace.chooseScope('article');
  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });

  const sources = workspace.source.locator('[data-sentence]');
  const targets = workspace.translationPanel.locator('[data-sentence]');
  const count = await sources.count();
  const lit = /bg-amber-100/;

  // Tab into the source pane: it lands on its first sentence.
  await workspace.source.getByRole('button', { name: workspace.t('SourcePane.copy') }).focus();
  await page.keyboard.press('Tab');
  await expect(sources.nth(0)).toBeFocused();
  await expect(targets.nth(0)).toHaveClass(lit);

  await page.keyboard.press('ArrowDown');
  await expect(sources.nth(1)).toBeFocused();
  await expect(targets.nth(1)).toHaveClass(lit);
  await expect(targets.nth(0)).not.toHaveClass(lit);
  await page.keyboard.press('j');
  await expect(sources.nth(2)).toBeFocused();
  await page.keyboard.press('k');
  await page.keyboard.press('ArrowUp');
  await expect(sources.nth(0)).toBeFocused();
  await page.keyboard.press('End');
  await expect(sources.nth(count - 1)).toBeFocused();
  await expect(targets.nth(count - 1)).toHaveClass(lit);
  await page.keyboard.press('Home');
  await expect(sources.nth(0)).toBeFocused();
  await page.keyboard.press('j');

  // Tab leaves the pane; coming back with Shift+Tab returns to the sentence the reader was on.
  await page.keyboard.press('Tab');
  await expect(
    workspace.summary.getByRole('button', { name: workspace.t('SummaryPane.copy') }),
  ).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(sources.nth(1)).toBeFocused();

  // The translation pane moves the same way, lighting up the source.
  await targets.nth(3).focus();
  await page.keyboard.press('ArrowDown');
  await expect(targets.nth(4)).toBeFocused();
  await expect(sources.nth(4)).toHaveClass(lit);

  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('a long article adds no Tab stop per sentence', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.article.fill(longArticle(20, 'tab stops'));
  await workspace.setTargets(['ru']);
  await workspace.chooseScope('summary');
  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });
  await expect(workspace.source.locator('[data-sentence]')).not.toHaveCount(0);
  expect(await workspace.source.locator('[data-sentence]').count()).toBeGreaterThan(150);

  // The form, the results' controls and one stop per pane: the same as for a short article.
  expect(await tabStops(page)).toBeLessThan(70);
});

test('skip links appear when focused and take the focus to the results and back to the article', async ({
  page,
}) => {
  const workspace = new WorkspacePage(page);
  const t = workspace.t;
  await workspace.goto();
  await workspace.runSample(['ru']);

  const toResults = page.getByRole('link', { name: t('Workspace.skipToResults') });
  await toResults.focus();
  await expect(toResults).toBeInViewport();
  expect((await toResults.boundingBox())!.width).toBeGreaterThan(20);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: t('ResultsView.heading'), exact: true })).toBeFocused();

  const toArticle = page.getByRole('link', { name: t('ResultsView.skipToArticle') });
  await page.keyboard.press('Tab');
  await expect(toArticle).toBeFocused();
  await expect(toArticle).toBeInViewport();
  expect((await toArticle.boundingBox())!.width).toBeGreaterThan(20);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: t('Workspace.heading'), exact: true })).toBeFocused();

  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
