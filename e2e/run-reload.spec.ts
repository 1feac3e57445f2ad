import { expect, test } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { longArticle, SCRIPT_TEXT } from './support/messages';

test.setTimeout(150_000);

test('a finished result comes back after a reload in the same tab', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.runSample(['ru']);

  await page.reload();
  await expect(workspace.doneStatus('server')).toBeVisible();
  await expect(workspace.summary.getByRole('listitem').first()).toBeVisible();
  await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT.ru);
});

test('a server run reattaches after a reload and after a UI-language switch', async ({ page }) => {
  let workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.article.fill(longArticle(30, 'reload'));
  await workspace.chooseScope('both');
  // The page follows the job's events once it has noted the job: from then on a reload can find it.
  const following = page.waitForRequest((r) => /\/api\/v1\/digests\/[^/]+\/events$/.test(r.url()));
  await workspace.run();
  await following;

  await page.reload();
  await expect(workspace.cancelButton).toBeVisible();
  // The parts made before the reload are there again: the summary came first.
  await expect(workspace.summary.getByRole('listitem').first()).toBeVisible({
    timeout: RUN_TIMEOUT_MS.server,
  });

  await page
    .getByRole('navigation', { name: workspace.t('LocaleSwitcher.label') })
    .getByRole('link', { name: 'Русский' })
    .click();
  await expect(page).toHaveURL('/ru');
  workspace = new WorkspacePage(page, 'ru');
  await expect(workspace.cancelButton).toBeVisible();
  await expect(workspace.summary.getByRole('listitem').first()).toBeVisible();
  await workspace.cancelButton.click();
  await expect(page.getByRole('status').filter({ hasText: workspace.t('Errors.cancelled') })).toBeVisible();
});

test('a run in the browser asks before a reload stops it', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('browser');
  await workspace.loadSample();
  await workspace.run();
  await expect(workspace.cancelButton).toBeVisible();

  const asked = page.waitForEvent('dialog');
  void page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.accept();
});
