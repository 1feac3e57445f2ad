import { expect, test } from '@playwright/test';

import { WorkspacePage } from './pages/workspace-page';

const FIRST = 'Ministers met in Geneva on Monday to talk about grain.';
const SECOND = 'Storms cut power to thousands of homes in Delhi overnight.';

test('each tab keeps its own draft, and a new tab starts from the last one written', async ({ context }) => {
  const first = new WorkspacePage(await context.newPage());
  await first.goto();
  await first.article.fill(FIRST);

  const second = new WorkspacePage(await context.newPage());
  await second.goto();
  await expect(second.article).toHaveValue(FIRST);
  await second.article.fill(SECOND);

  // The first tab's draft is its own: not replaced now, nor after a reload.
  await expect(first.article).toHaveValue(FIRST);
  await first.page.reload();
  await expect(first.runButton).toBeVisible();
  await expect(first.article).toHaveValue(FIRST);

  const third = new WorkspacePage(await context.newPage());
  await third.goto();
  await expect(third.article).toHaveValue(SECOND);
});
