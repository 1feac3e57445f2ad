import { expect, test } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';

test.setTimeout(240_000);

test('the workspace opens and runs the Browser engine offline, without caching API answers or share pages', async ({
  page,
  context,
}) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  // The service worker has installed its shell and controls the page before the network goes.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await workspace.loadSample();
  await workspace.chooseEngine('browser');
  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });
  const online = await workspace.summary.innerText();

  const failed: string[] = [];
  context.on('requestfailed', (request) => failed.push(request.url()));
  await context.setOffline(true);
  await page.reload();
  await workspace.loadSample();
  await workspace.chooseEngine('browser');
  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });
  expect(await workspace.summary.innerText()).toBe(online);
  expect(failed.filter((url) => !url.includes('/api/'))).toEqual([]);

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      urls.push(...(await cache.keys()).map((request) => new URL(request.url).pathname));
    }
    return urls;
  });
  expect(cached).toContain('/en');
  expect(cached.filter((path) => path.startsWith('/api/') || /^\/[a-z]{2}\/s\//.test(path))).toEqual([]);
});
