import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { WorkspacePage } from './pages/workspace-page';
import { servePages, startApp, type LocalServer } from './support/servers';

const NEWS_PAGE = readFileSync(new URL('../tests/fixtures/pages/en-news.html', import.meta.url), 'utf8');
const MENU_PAGE =
  '<!doctype html><html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav></body></html>';
const HEADLINE = 'Lavrov: Russia isn’t conducting any secret negotiations about Syria';

let site: LocalServer;
test.beforeAll(async () => {
  site = await servePages({ '/world/lavrov-syria': NEWS_PAGE, '/menu': MENU_PAGE });
});
test.afterAll(async () => {
  await site.close();
});

async function importFrom(workspace: WorkspacePage, url: string) {
  await workspace.page.getByRole('button', { name: workspace.t('UrlImport.toggle') }).click();
  await workspace.page.getByRole('textbox', { name: workspace.t('UrlImport.label') }).fill(url);
  await workspace.page.getByRole('button', { name: workspace.t('UrlImport.submit'), exact: true }).click();
}

// The main web server runs with BITEXT_ALLOW_PRIVATE_URLS=1 so that it may fetch this page on 127.0.0.1.
test('importing an article from a URL fills in its text', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await importFrom(workspace, `${site.origin}/world/lavrov-syria`);

  await expect(page.getByRole('status').filter({ hasText: HEADLINE })).toBeVisible();
  await expect(workspace.article).toHaveValue(new RegExp(`^${HEADLINE}\\n\\n`));
  await expect(workspace.article).toHaveValue(/Staffan de Mistura/);
  await expect(workspace.detectedLanguage).toContainText('English');
});

test('with the guard on, as in production, a private address is refused', async ({ page }) => {
  test.setTimeout(90_000);
  // A second instance with the private-address guard on.
  const guarded = await startApp({ env: { BITEXT_ALLOW_PRIVATE_URLS: '0' } });
  try {
    await page.goto(`${guarded.origin}/en`);
    const workspace = new WorkspacePage(page);
    await importFrom(workspace, `${site.origin}/world/lavrov-syria`);

    await expect(
      page.getByRole('alert').filter({ hasText: workspace.t('Errors.url_not_allowed') }),
    ).toBeVisible();
    await expect(workspace.article).toHaveValue('');
  } finally {
    await guarded.close();
  }
});

test('the import form takes the focus, and each failure says what went wrong', async ({ page }) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await page.getByRole('button', { name: workspace.t('UrlImport.toggle') }).click();
  const field = page.getByRole('textbox', { name: workspace.t('UrlImport.label') });
  await expect(field).toBeFocused();

  const submit = page.getByRole('button', { name: workspace.t('UrlImport.submit'), exact: true });
  const alert = page.getByRole('main').getByRole('alert');
  await field.fill('not a url');
  await submit.click();
  await expect(alert).toHaveText(workspace.t('Errors.url_invalid'));

  await field.fill(`${site.origin}/menu`);
  await submit.click();
  await expect(alert).toHaveText(workspace.t('Errors.no_article'));
  await expect(workspace.article).toHaveValue('');
});
