import { expect, test } from '@playwright/test';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { SCRIPT_TEXT } from './support/messages';

test.setTimeout(180_000);

test('every page and API answer carries the security headers; pages get a fresh CSP nonce', async ({
  request,
}) => {
  const policies: string[] = [];
  for (const path of ['/en', '/hi']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic' 'wasm-unsafe-eval'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    // Cross-origin isolated, so onnxruntime-web may run threads (SharedArrayBuffer).
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
    policies.push(csp);
  }
  expect(policies[0]).not.toBe(policies[1]);
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
