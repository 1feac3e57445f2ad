import { expect, test } from '@playwright/test';

import { SEED_ARTICLE, translator } from './support/messages';
import { createShare } from './support/shares';

// A digest on the fixture models first, on a two-core machine: give it room.
test.setTimeout(150_000);

const SHARED_CACHE = /^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/;

test('a share page is one fixed document a CDN may keep, revalidated by ETag, gone at once when deleted', async ({
  page,
  request,
}) => {
  const created = await createShare(request, SEED_ARTICLE);
  const path = `/en/s/${created.id}`;

  const first = await request.get(path);
  const second = await request.get(path);
  expect(first.status()).toBe(200);
  expect(first.headers()['cache-control']).toMatch(SHARED_CACHE);
  const etag = first.headers()['etag'] ?? '';
  expect(etag).toMatch(/^"[^"]+"$/);
  // Strong ETag: every answer is the same bytes, nonce and all, and the CSP names that nonce.
  expect(second.headers()['etag']).toBe(etag);
  expect(await second.body()).toEqual(await first.body());
  const nonce = /'nonce-([^']+)'/.exec(first.headers()['content-security-policy'] ?? '')?.[1];
  expect(nonce).toBeTruthy();
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  // The link preview still reads its tags from the HTML.
  expect(await first.text()).toContain('property="og:title"');
  // Another locale, or another language tab, is another document.
  expect((await request.get(`/ru/s/${created.id}`)).headers()['etag']).not.toBe(etag);
  expect((await request.get(`${path}?lang=hi`)).headers()['etag']).not.toBe(etag);

  const revalidated = await request.get(path, { headers: { 'if-none-match': etag } });
  expect(revalidated.status()).toBe(304);
  expect(revalidated.headers()['etag']).toBe(etag);

  // The cached document runs in the browser as a fresh one does: no CSP violation, and it hydrates.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(path);
  const t = translator('en');
  const translation = page.getByRole('region', { name: t('TranslationPane.title'), exact: true });
  const hindi = translation.getByRole('tab', { name: 'Hindi', exact: true });
  await hindi.click();
  await expect(hindi).toHaveAttribute('aria-selected', 'true');
  expect(
    await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  ).toEqual([]);

  const json = await request.get(`/api/v1/shares/${created.id}`);
  expect(json.headers()['cache-control']).toMatch(SHARED_CACHE);
  const deleted = await request.delete(`/api/v1/shares/${created.id}`, {
    headers: { authorization: `Bearer ${created.deleteToken}` },
  });
  expect(deleted.status()).toBe(204);
  // Our own answer changes at once, even to a cache that asks with the old ETag.
  expect((await request.get(path, { headers: { 'if-none-match': etag } })).status()).toBe(404);
  expect(
    (
      await request.get(`/api/v1/shares/${created.id}`, {
        headers: { 'if-none-match': json.headers()['etag']! },
      })
    ).status(),
  ).toBe(404);
});

test('a share page sent from memory is the rendered one, revalidates, and is 404 right after a delete', async ({
  request,
}) => {
  const created = await createShare(request, SEED_ARTICLE);
  const paths = [`/en/s/${created.id}`, `/zh/s/${created.id}?lang=hi`];
  const etags: string[] = [];
  for (const path of paths) {
    // The first answer is rendered and kept, the next ones are the kept bytes, for a browser's gzip too.
    const rendered = await request.get(path);
    const kept = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(kept.status()).toBe(200);
    expect(kept.headers()['content-encoding']).toBe('gzip');
    expect(kept.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(kept.headers()['cache-control']).toMatch(SHARED_CACHE);
    expect(kept.headers()['etag']).toBe(rendered.headers()['etag']);
    expect(await kept.body()).toEqual(await rendered.body());
    // Its policy still names the nonce its scripts carry, and the security headers are all there.
    const csp = kept.headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await kept.text()).toContain(`nonce="${nonce}"`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(kept.headers()['cross-origin-embedder-policy']).toBe('require-corp');
    expect(kept.headers()['x-content-type-options']).toBe('nosniff');
    expect(await kept.text()).toContain('property="og:title"');
    const etag = kept.headers()['etag']!;
    const revalidated = await request.get(path, { headers: { 'if-none-match': etag } });
    expect(revalidated.status()).toBe(304);
    etags.push(etag);
  }
  expect(etags[0]).not.toBe(etags[1]);
  // Kept per host too: a preview's absolute URLs name the host the page was asked on.
  const elsewhere = { host: 'bitext.example' };
  expect((await request.get(paths[0]!, { headers: elsewhere })).headers()['etag']).not.toBe(etags[0]);
  const keptElsewhere = await request.get(paths[0]!, { headers: elsewhere });
  expect(await keptElsewhere.text()).toContain('content="http://bitext.example/en/s/');

  const deleted = await request.delete(`/api/v1/shares/${created.id}`, {
    headers: { authorization: `Bearer ${created.deleteToken}` },
  });
  expect(deleted.status()).toBe(204);
  for (const path of paths) {
    const gone = await request.get(path);
    expect(gone.status()).toBe(404);
    expect(await gone.text()).not.toContain(SEED_ARTICLE.split('\n')[0]!.slice(0, 40));
  }
});
