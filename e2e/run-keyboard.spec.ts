import { expect, test } from '@playwright/test';

import { WorkspacePage } from './pages/workspace-page';
import { longArticle } from './support/messages';

test.setTimeout(150_000);

test('Cancel leaves the focus on Run, and Escape cancels a run', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.article.fill(longArticle(30, 'keyboard'));
  await workspace.chooseScope('both');
  const cancelled = page.getByRole('status').filter({ hasText: workspace.t('Errors.cancelled') });

  await workspace.run();
  await workspace.cancelButton.click();
  await expect(cancelled).toBeVisible();
  await expect(workspace.runButton).toBeFocused();

  await workspace.run();
  await expect(workspace.cancelButton).toBeVisible();
  await expect(cancelled).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(cancelled).toBeVisible();
  await expect(workspace.cancelButton).toBeHidden();
});

test('deleting a shared link asks first, and the focus never falls to the page', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  const t = workspace.t;
  await workspace.goto();
  await workspace.runSample();
  await workspace.createShare();

  const mine = page.getByRole('region', { name: t('MyShares.heading') });
  const remove = mine.getByRole('button', { name: /^Delete “/ });
  const confirm = mine.getByRole('button', { name: t('MyShares.confirmDelete') });
  await remove.click();
  await expect(confirm).toBeFocused();
  await mine.getByRole('button', { name: t('MyShares.keep') }).click();
  await expect(remove).toBeFocused();

  await remove.click();
  await confirm.click();
  // The list says it is empty, and its heading holds the focus.
  await expect(mine).toContainText(t('MyShares.empty'));
  await expect(mine.getByRole('heading', { name: t('MyShares.heading') })).toBeFocused();
});
