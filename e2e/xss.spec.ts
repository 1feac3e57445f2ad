import { expect, test, type Page } from '@playwright/test';

import { WorkspacePage } from './pages/workspace-page';
import { translator } from './support/messages';
import { createShare } from './support/shares';

test.setTimeout(150_000);

// Markup that would run if any of it reached the page as HTML rather than text. Each marks `window.__pwned`.
const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '<a href="javascript:window.__pwned = \'link\'">the full statement</a>',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '<iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>"></iframe>',
];

// A news story carrying the payloads in its headline and body, long enough to be summarised and detected.
const ARTICLE = `Minister says talks will resume ${PAYLOADS[0]}

The foreign minister said on Monday that talks between the two governments would resume next week. ${PAYLOADS[1]} Officials from both sides are expected to meet in Geneva.

According to the ministry, ${PAYLOADS[2]} was published on its website on Sunday evening. The statement described the last round of negotiations as constructive and said that both delegations had agreed on an agenda.

Diplomats said the meeting could last several days. ${PAYLOADS[3]} Observers noted that previous rounds had ended without an agreement. ${PAYLOADS[4]} The minister did not say who would lead the delegation.`;

/** Nothing ran, and no payload became an element: the markup is on the page only as characters. */
async function expectInert(page: Page) {
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(
    page.locator('main script, main img, main iframe, main svg [onload], a[href^="javascript:"]'),
  ).toHaveCount(0);
}

test('article markup stays text in the workspace and on its share page', async ({
  page,
  browser,
  request,
}) => {
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('server');
  await workspace.article.fill(ARTICLE);
  await workspace.run();
  await expect(workspace.doneStatus('server')).toBeVisible({ timeout: 120_000 });
  await expect(workspace.source).toContainText(PAYLOADS[1]!);
  await expectInert(page);

  const created = await createShare(request, ARTICLE);
  const reader = await browser.newContext({ locale: 'en-US' });
  const readerPage = await reader.newPage();
  await readerPage.goto(new URL(created.url).pathname);
  const t = translator('en');
  await expect(readerPage.getByRole('heading', { level: 1 })).toHaveText(
    `Minister says talks will resume ${PAYLOADS[0]}`,
  );
  await expect(readerPage).toHaveTitle(`Minister says talks will resume ${PAYLOADS[0]}`);
  const source = readerPage.getByRole('region', { name: t('SourcePane.title'), exact: true });
  for (const payload of PAYLOADS) await expect(source).toContainText(payload);
  await expectInert(readerPage);

  // The preview image draws the same title without choking on it.
  const image = await readerPage.locator('meta[property="og:image"]').getAttribute('content');
  const png = await request.get(new URL(image!).pathname);
  expect(png.headers()['content-type']).toBe('image/png');
  await reader.close();
});
