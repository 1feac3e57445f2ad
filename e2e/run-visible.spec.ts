import { expect, test } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { longArticle } from './support/messages';

test.use({ viewport: { width: 1440, height: 900 } });

test('on Run at 1440×900, progress comes into view and is announced, then the first result shows', async ({
  page,
}) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.article.fill(longArticle(30, 'visible'));
  await workspace.chooseScope('both');
  await page.evaluate(() => window.scrollTo(0, 0));
  await workspace.run();

  // Announced in a live region, and in full view, as are the bars.
  const running = page
    .getByRole('status')
    .filter({ hasText: workspace.t('RunControls.running', { engine: 'server' }) });
  await expect(running).toBeInViewport({ ratio: 1 });
  await expect(workspace.progress).toBeInViewport({ ratio: 1 });

  // The summary arrives first: the reader sees it without scrolling.
  await expect(workspace.summary.getByRole('listitem').first()).toBeInViewport({
    ratio: 1,
    timeout: RUN_TIMEOUT_MS.server,
  });
  await workspace.cancelButton.click();
});
