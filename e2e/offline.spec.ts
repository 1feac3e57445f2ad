import { expect, test, type Page } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';

test.setTimeout(240_000);

/** Every URL (path and query) in the page's Cache API stores, by store. */
async function cachedUrls(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const stores: Record<string, string[]> = {};
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      stores[key] = (await cache.keys()).map(({ url }) => new URL(url).pathname + new URL(url).search);
    }
    return stores;
  });
}

/**
 * Requests that may fail offline: Next's router prefetches the RSC payload of the pages the workspace links to
 * (`?_rsc=`); a click on such a link then loads the page itself, which the service worker serves.
 */
const EXPECTED_OFFLINE_FAILURE = /[?&]_rsc=/;

test('the workspace opens and runs the Browser engine offline, without caching API answers or share pages', async ({
  page,
  context,
}) => {
  const workspace = new WorkspacePage(page);
  // A first visit: the run starts before the service worker has installed, so its runtime and worker
  // files are fetched by the page, not through the worker; the install must cache them all the same.
  await workspace.goto();
  await workspace.loadSample();
  await workspace.chooseEngine('browser');
  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });
  const online = await workspace.summary.innerText();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // An API answer and a share page, both through the service worker: neither may be kept.
  expect(await page.evaluate(async () => (await fetch('/api/v1/languages')).status)).toBe(200);
  await workspace.createShare();
  const share = await page.getByRole('textbox', { name: workspace.t('ShareButton.link') }).inputValue();
  await page.goto(share);
  await expect(page).toHaveURL(/\/en\/s\//);
  await workspace.goto();
  // The reload must run again, not bring back the finished run this tab keeps.
  await page.evaluate(() => sessionStorage.clear());

  const failed: string[] = [];
  context.on('requestfailed', (request) => failed.push(request.url()));
  await context.setOffline(true);
  await page.reload();
  await expect(workspace.runButton).toBeVisible();
  // Still cross-origin isolated (the cached page kept its headers): the runtime gets its threads.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await workspace.loadSample();
  await workspace.chooseEngine('browser');
  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });
  expect(await workspace.summary.innerText()).toBe(online);
  expect(failed.filter((url) => !EXPECTED_OFFLINE_FAILURE.test(url))).toEqual([]);

  const stores = await cachedUrls(page);
  const urls = Object.values(stores).flat();
  expect(urls).toContain('/en');
  expect(urls.filter((url) => url.startsWith('/api/') || /^\/[a-z]{2}\/s\//.test(url))).toEqual([]);
});
