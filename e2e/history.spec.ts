import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { nameIn, SCRIPT_TEXT } from './support/messages';

test.setTimeout(150_000);

const TITLE = 'Lavrov: Russia isn’t’ conducting any secret negotiations about Syria';

test('a finished result is kept in this browser, reopened after a reload without running, then deleted', async ({
  page,
}) => {
  // Every message any worker is sent, and every digest request: reopening must make neither.
  await page.addInitScript(() => {
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

  const history = page.getByRole('region', { name: t('History.heading') });
  const entry = history.getByRole('listitem').filter({ hasText: TITLE });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(
    `${nameIn('en', 'en')} → ${nameIn('en', 'ru')} and ${nameIn('en', 'hi')}`,
  );
  await expect(entry).toContainText(String(new Date().getFullYear()));

  // A fresh page: nothing in the box, nothing run.
  await workspace.article.fill('');
  await page.reload();
  const digests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/digests')) digests.push(request.url());
  });
  await expect(entry).toBeVisible();
  await expect(workspace.translation).toHaveCount(0);
  await entry.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(workspace.translation).toBeVisible();
  await workspace.tab('hi').click();
  await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT.hi);
  await workspace.tab('ru').click();
  await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT.ru);
  expect(
    await page.evaluate(() => (window as unknown as { __counts: { worker: number } }).__counts.worker),
  ).toBe(0);
  expect(digests).toEqual([]);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await entry.getByRole('button', { name: t('History.delete', { title: TITLE }) }).click();
  await expect(entry).toHaveCount(0);
  await page.reload();
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
