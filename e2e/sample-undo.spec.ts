import { expect, test } from '@playwright/test';

import { WorkspacePage } from './pages/workspace-page';
import { SEED_ARTICLE } from './support/messages';

const OWN = 'My own notes on the Geneva talks, typed by hand.';

test('the sample never silently replaces typed text: Undo brings it back, and so does Ctrl+Z', async ({
  page,
}) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.article.fill(OWN);

  await workspace.loadSample();
  await expect(workspace.article).toHaveValue(SEED_ARTICLE);
  const undo = page.getByRole('button', { name: workspace.t('Workspace.undo'), exact: true });
  await expect(page.getByRole('status').filter({ hasText: workspace.t('Workspace.replaced') })).toBeVisible();
  await undo.click();
  await expect(workspace.article).toHaveValue(OWN);
  await expect(undo).toHaveCount(0);

  await workspace.loadSample();
  await expect(workspace.article).toHaveValue(SEED_ARTICLE);
  await workspace.article.focus();
  await page.keyboard.press('Control+z');
  await expect(workspace.article).toHaveValue(OWN);
});

test('an empty article takes the sample without asking', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.loadSample();
  await expect(workspace.article).toHaveValue(SEED_ARTICLE);
  await expect(page.getByRole('button', { name: workspace.t('Workspace.undo'), exact: true })).toHaveCount(0);
});
