import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { nameIn, SCRIPT_TEXT } from './support/messages';

test.setTimeout(150_000);

const TITLE = 'Lavrov: Russia isn’t’ conducting any secret negotiations about Syria';

test('a finished result is kept in this browser, survives a reload, reopens in a new tab without running, then is deleted', async ({
  page,
}) => {
  // Every message any worker is sent, in every tab: reopening must send none.
  await page.context().addInitScript(() => {
    const counts = { worker: 0 };
    Object.assign(window, { __counts: counts });
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
      counts.worker += 1;
      return (post as (...rest: unknown[]) => void).apply(this, args);
    };
  });
  const workspace = new WorkspacePage(page);
  const t = workspace.t;
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.loadSample();
  await workspace.chooseScope('both');
  await workspace.setTargets(['ru', 'hi']);
  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });

  const entryIn = (tab: Page) =>
    tab
      .getByRole('region', { name: t('History.heading') })
      .getByRole('listitem')
      .filter({ hasText: TITLE });
  await expect(entryIn(page)).toBeVisible();
  await expect(entryIn(page)).toContainText(
    `${nameIn('en', 'en')} → ${nameIn('en', 'ru')} and ${nameIn('en', 'hi')}`,
  );
  await expect(entryIn(page)).toContainText(String(new Date().getFullYear()));
  await workspace.article.fill('');
  await page.reload();
  await expect(entryIn(page)).toBeVisible();

  // A new tab: its own (empty) draft, no result of its own, nothing run.
  const tab = await page.context().newPage();
  const fresh = new WorkspacePage(tab);
  const digests: string[] = [];
  tab.on('request', (request) => {
    if (request.url().includes('/api/v1/digests')) digests.push(request.url());
  });
  await fresh.goto();
  const entry = entryIn(tab);
  await expect(entry).toBeVisible();
  await expect(fresh.translation).toHaveCount(0);
  await entry.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(fresh.translation).toBeVisible();
  await fresh.tab('hi').click();
  await expect(fresh.translationPanel).toContainText(SCRIPT_TEXT.hi);
  await fresh.tab('ru').click();
  await expect(fresh.translationPanel).toContainText(SCRIPT_TEXT.ru);
  expect(
    await tab.evaluate(() => (window as unknown as { __counts: { worker: number } }).__counts.worker),
  ).toBe(0);
  expect(digests).toEqual([]);
  expect((await new AxeBuilder({ page: tab }).analyze()).violations).toEqual([]);

  await entry.getByRole('button', { name: t('History.delete', { title: TITLE }) }).click();
  await expect(entry).toHaveCount(0);
  await tab.reload();
  const history = tab.getByRole('region', { name: t('History.heading') });
  await expect(history).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(0);
});

test('“Don’t keep history” is remembered and keeps nothing', async ({ page }) => {
  const workspace = new WorkspacePage(page, 'zh');
  await workspace.goto();
  const history = page.getByRole('region', { name: workspace.t('History.heading') });
  const off = history.getByRole('checkbox', { name: workspace.t('History.off') });
  await off.check();
  await expect(history).toContainText(workspace.t('History.offIntro'));
  await page.reload();
  await expect(off).toBeChecked();
  await workspace.chooseEngine('server');
  await workspace.loadSample();
  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: RUN_TIMEOUT_MS.server });
  await expect(history.getByRole('listitem')).toHaveCount(0);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
