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

test('offline, the workspace says so, Auto runs in the browser, and what needs the server is disabled, with its reason', async ({
  page,
  context,
}) => {
  // A device with little memory, where Auto runs on the server while there is a network.
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 2 }),
  );
  const workspace = new WorkspacePage(page);
  const { t } = workspace;
  await workspace.goto();
  const engines = page.getByRole('group', { name: t('DigestOptions.engine.legend'), exact: true });
  const radio = (engine: 'auto' | 'server') =>
    engines.getByRole('radio', { name: t(`DigestOptions.engine.${engine}`), exact: true });
  await workspace.chooseEngine('auto');
  await expect(engines).toHaveAccessibleDescription(t('DigestOptions.engineHint.auto', { engine: 'server' }));
  // The models this test runs offline, downloaded while online.
  await workspace.chooseEngine('browser');
  await workspace.loadSample();
  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });
  await expect(workspace.tab('zh-Hans')).toBeVisible();
  await workspace.chooseEngine('server');

  const banner = page.getByRole('status').filter({ hasText: t('OfflineBanner.message') });
  const importButton = page.getByRole('button', { name: t('UrlImport.toggle') });
  const shareButton = page.getByRole('button', { name: t('ShareButton.open') });
  await expect(banner).toBeHidden();
  await context.setOffline(true);
  await expect(banner).toBeVisible();
  // The reader's Server choice cannot run: Auto stands in for it, and runs in the browser.
  await expect(radio('auto')).toBeChecked();
  await expect(engines).toHaveAccessibleDescription(
    t('DigestOptions.engineHint.auto', { engine: 'browser' }),
  );
  await expect(radio('server')).toBeDisabled();
  await expect(radio('server')).toHaveAccessibleDescription(t('OfflineBanner.server'));
  await expect(importButton).toBeDisabled();
  await expect(importButton).toHaveAccessibleDescription(t('OfflineBanner.import'));
  await expect(shareButton).toBeDisabled();
  await expect(shareButton).toHaveAccessibleDescription(t('OfflineBanner.share'));

  // A run that would fail on the server: into one language only, so its result is told from the last one.
  await workspace.setTargets(['ru']);
  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });
  await expect(workspace.tab('zh-Hans')).toHaveCount(0);

  await context.setOffline(false);
  await expect(banner).toBeHidden();
  await expect(radio('server')).toBeChecked();
  await expect(radio('server')).toBeEnabled();
  await expect(importButton).toBeEnabled();
  await expect(shareButton).toBeEnabled();
});
