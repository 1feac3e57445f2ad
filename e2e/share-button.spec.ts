import { expect, test } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { SCRIPT_TEXT, translator } from './support/messages';

test.setTimeout(150_000);

// The Share button in the workspace, used as its author and a reader would.
test('Share after a server run: notice, expiry, link, copy, and the author’s list', async ({
  page,
  context,
  browser,
}) => {
  const t = translator('en');
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.loadSample();
  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });

  await page.getByRole('button', { name: t('ShareButton.open') }).click();
  const panel = page.getByRole('region', { name: t('ShareButton.heading') });
  await expect(panel).toContainText(t('ShareButton.notice'));
  await panel.getByRole('combobox', { name: t('ShareButton.expiry.label') }).selectOption('7d');
  await panel.getByRole('button', { name: t('ShareButton.create') }).click();
  const link = panel.getByRole('textbox', { name: t('ShareButton.link') });
  await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
  const url = await link.inputValue();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await panel.getByRole('button', { name: t('ShareButton.copy') }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(panel).toContainText(/The link works until/);

  const mine = page.getByRole('region', { name: t('MyShares.heading') });
  await expect(mine.getByRole('link', { name: /Lavrov/ })).toBeVisible();

  const reader = await browser.newContext({ locale: 'hi-IN' });
  const readerPage = await reader.newPage();
  // The link itself, as sent: no locale in it, the reader's browser language picks one.
  await readerPage.goto(`${url}?lang=hi`);
  await expect(readerPage).toHaveURL(/\/hi\/s\/.+\?lang=hi$/);
  await expect(readerPage.getByRole('tabpanel')).toContainText(SCRIPT_TEXT.hi);

  await mine.getByRole('button', { name: /^Delete “/ }).click();
  await mine.getByRole('button', { name: t('MyShares.confirmDelete') }).click();
  // Emptied here, the list stays to say so (and to hold the focus).
  await expect(mine).toContainText(t('MyShares.empty'));
  await readerPage.reload();
  await expect(
    readerPage.getByRole('heading', { level: 1, name: translator('hi')('SharePage.gone.title') }),
  ).toBeVisible();
  await reader.close();
});
