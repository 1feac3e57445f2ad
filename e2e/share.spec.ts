import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

import { WorkspacePage } from './pages/workspace-page';
import { nameIn, SCRIPT_TEXT, SEED_ARTICLE, translator } from './support/messages';
import { alterStoredShare, createShare, rememberShare, SHARE_TARGETS } from './support/shares';

// A digest on the fixture models first, on a two-core machine: give it room.
test.setTimeout(150_000);

const TITLE = 'Lavrov: Russia isn’t’ conducting any secret negotiations about Syria';
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Every script the page loaded, with its body: what the share page ships to the reader. */
function collectScripts(page: Page): Map<string, Promise<string>> {
  const scripts = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.set(response.url(), response.text());
  });
  return scripts;
}

test('a share opens in the reader’s language, tab by tab, then is deleted by its author', async ({
  page,
  browser,
  request,
}) => {
  const created = await createShare(request, SEED_ARTICLE);
  const id = created.id;
  // The link names no UI locale: whoever opens it is sent to their own.
  const link = new URL(created.url).pathname;
  expect(link).toBe(`/s/${id}`);

  // The colleague: a fresh browser (no storage) that speaks Hindi.
  const reader = await browser.newContext({ locale: 'hi-IN' });
  const readerPage = await reader.newPage();
  const scripts = collectScripts(readerPage);
  const t = translator('hi');
  await readerPage.goto(link);
  await expect(readerPage).toHaveURL(`/hi/s/${id}`);
  await expect(readerPage.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(readerPage.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(readerPage.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expect(readerPage).toHaveTitle(TITLE);

  const translation = readerPage.getByRole('region', { name: t('TranslationPane.title'), exact: true });
  const panel = translation.getByRole('tabpanel');
  const tab = (code: string) => translation.getByRole('tab', { name: nameIn('hi', code), exact: true });
  for (const code of SHARE_TARGETS) {
    await tab(code).click();
    await expect(tab(code)).toHaveAttribute('aria-selected', 'true');
    await expect(panel).toHaveAttribute('lang', code);
    await expect(panel).toContainText(SCRIPT_TEXT[code]);
  }
  const summary = readerPage.getByRole('region', { name: t('SummaryPane.title'), exact: true });
  await expect(summary.getByRole('listitem')).toHaveCount(2);

  // Server-rendered from the store: no model code, no ONNX runtime, no worker comes to this page.
  await readerPage.waitForLoadState('networkidle');
  expect(scripts.size).toBeGreaterThan(0);
  for (const [url, body] of scripts) {
    expect(await body, url).not.toMatch(/onnxruntime|InferenceSession|@huggingface\/transformers/);
  }
  expect([...scripts.keys()].filter((url) => /\.wasm|worker/i.test(url))).toEqual([]);

  // Each language has its own link; following one opens its tab, and the preview speaks that language.
  const links = readerPage.getByRole('navigation', { name: t('SharePage.links.label') });
  const hindi = links.getByRole('link', { name: nameIn('hi', 'hi'), exact: true });
  await expect(hindi).toHaveAttribute('href', `/s/${id}?lang=hi`);
  await hindi.click();
  await expect(readerPage).toHaveURL(`/hi/s/${id}?lang=hi`);
  await expect(tab('hi')).toHaveAttribute('aria-selected', 'true');
  await expect(panel).toContainText(SCRIPT_TEXT.hi);
  await expect(readerPage).toHaveTitle(SCRIPT_TEXT.hi);
  await expect(readerPage.locator('meta[name="description"]')).toHaveAttribute('content', SCRIPT_TEXT.hi);
  expect((await new AxeBuilder({ page: readerPage }).analyze()).violations).toEqual([]);

  // The link preview is a PNG drawn for this share.
  const image = await readerPage.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toContain(`/hi/s/${id}/opengraph-image`);
  // Its description is in the reader's language too.
  await expect(readerPage.locator('meta[property="og:image:alt"]')).toHaveAttribute(
    'content',
    t('SharePage.imageAlt'),
  );
  const png = await request.get(new URL(image!).pathname + new URL(image!).search);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  // Other sites show it, their pages cross-origin isolated or not.
  expect(png.headers()['cross-origin-resource-policy']).toBe('cross-origin');
  expect([...(await png.body()).subarray(0, 8)]).toEqual(PNG_MAGIC);

  // The author's browser keeps the link with its delete token, and deletes it from the share page.
  const author = translator('en');
  await page.goto(`/en/s/${id}`);
  const entry = await rememberShare(page, SEED_ARTICLE, created);
  await page.reload();
  const mine = page.getByRole('region', { name: author('MyShares.heading') });
  await expect(mine.getByRole('link', { name: entry.title })).toHaveAttribute('aria-current', 'page');
  await mine.getByRole('button', { name: author('MyShares.delete', { title: entry.title }) }).click();
  await mine.getByRole('button', { name: author('MyShares.confirmDelete') }).click();
  await expect(page.getByRole('heading', { level: 1, name: author('SharePage.gone.title') })).toBeVisible();
  await expect(mine).toBeHidden();
  expect(await page.evaluate(() => window.localStorage.getItem('bitext.shares'))).toBe('[]');

  // For the colleague the link now leads to the same state, in Hindi, with a 404.
  const gone = await readerPage.reload();
  expect(gone?.status()).toBe(404);
  await expect(readerPage.getByRole('heading', { level: 1, name: t('SharePage.gone.title') })).toBeVisible();
  await expect(readerPage.getByText(t('SharePage.gone.description'))).toBeVisible();
  await reader.close();
});

test('“Open in workspace” starts a workspace session on the shared article', async ({ browser, request }) => {
  const created = await createShare(request, SEED_ARTICLE);
  const context = await browser.newContext({ locale: 'ru-RU' });
  const page = await context.newPage();
  await page.goto(new URL(created.url).pathname);
  await expect(page).toHaveURL(`/ru/s/${created.id}`);

  await page.getByRole('link', { name: translator('ru')('OpenInWorkspace.label') }).click();
  await expect(page).toHaveURL('/ru');
  await expect(new WorkspacePage(page, 'ru').article).toHaveValue(SEED_ARTICLE);
  await context.close();
});

test('an unknown share id is a localised 404 that says the link leads nowhere', async ({ page }) => {
  const t = translator('zh');
  const response = await page.goto('/zh/s/AAAAAAAAAAAAAAAAAAAAAA');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: t('SharePage.gone.title') })).toBeVisible();
  // Next.js adds its own noindex to a 404, beside ours.
  await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
});

test('an expired share answers 410, on its page and from the API, and says it is gone', async ({
  page,
  request,
}) => {
  const created = await createShare(request, SEED_ARTICLE);
  // The server's clock cannot be moved from here, so the share's stored expiry is moved into the past.
  alterStoredShare(created.id, 'expires_at', Date.now() - 1_000);

  const t = translator('ru');
  const response = await page.goto(`/ru/s/${created.id}`);
  expect(response?.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1, name: t('SharePage.gone.title') })).toBeVisible();
  await expect(page.getByText(TITLE)).toHaveCount(0);
  expect((await request.get(`/api/v1/shares/${created.id}`)).status()).toBe(410);
});
