import { createHash } from 'node:crypto';

import { expect, test } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { SCRIPT_TEXT } from './support/messages';

test.setTimeout(180_000);

/** The base64 SHA-256 of each inline script in a page, as a CSP hash source names it. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body!).digest('base64')}'`,
  );
}

function expectCommonHeaders(headers: Record<string, string>): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // Cross-origin isolated, so onnxruntime-web may run threads (SharedArrayBuffer).
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
}

test('the workspace is prerendered, its CSP names the hash of each of its inline scripts', async ({
  request,
}) => {
  const policies: string[] = [];
  for (const path of ['/en', '/hi']) {
    const response = await request.get(path);
    const headers = response.headers();
    expectCommonHeaders(headers);
    // Served from the build, not rendered for this request.
    expect(headers['x-nextjs-prerender'] ?? headers['x-nextjs-cache']).toBeTruthy();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).not.toContain("'nonce-");
    expect(headers['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d{1,3}, /);
    const hashes = inlineScriptHashes(await response.text());
    expect(hashes.length).toBeGreaterThan(0);
    for (const hash of hashes) expect(csp).toContain(hash);
    // The same page, the same policy: it may be cached as it is, and revalidated by its ETag.
    expect((await request.get(path)).headers()['content-security-policy']).toBe(csp);
    const revalidated = await request.get(path, { headers: { 'if-none-match': headers['etag']! } });
    expect(revalidated.status()).toBe(304);
    expect(revalidated.headers()['content-security-policy']).toBe(csp);
    policies.push(csp);
  }
  expect(policies[0]).not.toBe(policies[1]);
});

test('pages rendered per request get a fresh CSP nonce; the API forbids everything', async ({ request }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get('/en/s/AAAAAAAAAAAAAAAAAAAAAA');
    expect(response.status()).toBe(404);
    expectCommonHeaders(response.headers());
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic' 'wasm-unsafe-eval'/);
    nonces.push(/'nonce-([^']+)'/.exec(csp)![1]!);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
  const api = await request.get('/api/v1/health');
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
});

test('the workspace is cross-origin isolated: the worker runs the runtime on threads, and no policy blocks anything', async ({
  page,
  context,
}) => {
  // Recorded from the first script on, so a violation during hydration counts too.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  // A response COEP refuses fails its request (net::ERR_BLOCKED_BY_RESPONSE) and logs why.
  const blocked: string[] = [];
  context.on('requestfailed', (request) => blocked.push(`${request.url()} ${request.failure()?.errorText}`));
  page.on('console', (message) => {
    if (/Cross-Origin-(Embedder|Opener|Resource)-Policy/i.test(message.text())) blocked.push(message.text());
  });
  const workspace = new WorkspacePage(page);
  await workspace.goto();
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  await workspace.loadSample();
  await workspace.chooseEngine('browser');
  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });
  await workspace.tab('hi').click();
  await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT.hi);
  expect(
    await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  ).toEqual([]);
  expect(blocked).toEqual([]);
  // The pipeline worker is isolated too: that is where the runtime decides on threads.
  const [worker] = page.workers();
  expect(await worker?.evaluate(() => self.crossOriginIsolated)).toBe(true);
  // min(4, cores) threads: the worker's own and a helper worker the runtime starts for each other one.
  const threads = await page.evaluate(() => Math.min(4, navigator.hardwareConcurrency));
  expect(page.workers()).toHaveLength(threads);
});
