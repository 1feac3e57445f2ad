import { expect, test, type Request } from '@playwright/test';

import type { WorkerRequest } from '../lib/pipeline/protocol';

import { RUN_TIMEOUT_MS, WorkspacePage } from './pages/workspace-page';
import { SCRIPT_TEXT, SEED_ARTICLE } from './support/messages';

test.setTimeout(180_000);

test('the Browser engine runs the sample in a worker, with models and runtime from this server', async ({
  page,
  context,
  baseURL,
}) => {
  const fetched: string[] = [];
  // The context sees the worker's requests as well as the page's.
  context.on('request', (request) => fetched.push(request.url()));

  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.loadSample();
  await workspace.chooseEngine('browser');
  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });

  await expect(workspace.summary.getByRole('listitem')).toHaveCount(2);
  for (const code of ['ru', 'zh-Hans', 'hi'] as const) {
    await workspace.tab(code).click();
    await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT[code]);
  }

  const origin = new URL(baseURL ?? '').origin;
  expect(
    fetched.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')),
  ).toEqual([]);
  expect(fetched.some((url) => /\/models\/bitext-fixtures\/translit-ru\//.test(url))).toBe(true);
  expect(fetched.some((url) => /\/ort\/[^/]+\.wasm$/.test(url))).toBe(true);
  // Nothing went to the digest API: the server only served files.
  expect(fetched.filter((url) => url.includes('/api/v1/digests'))).toEqual([]);
});

test('the Browser engine fetches the models as soon as the language is known, before Run', async ({
  page,
  context,
}) => {
  const fetched: string[] = [];
  context.on('request', (request) => fetched.push(request.url()));
  const models = (name: string) => fetched.some((url) => url.includes(`/models/bitext-fixtures/${name}/`));

  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('browser');
  await workspace.loadSample();
  // Not run yet: detection named the language, and the worker started on the three translators.
  await expect
    .poll(() => ['translit-ru', 'translit-zh', 'translit-hi'].every(models), { timeout: 60_000 })
    .toBe(true);
  expect(fetched.filter((url) => url.includes('/api/v1/digests'))).toEqual([]);

  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });
  await workspace.tab('hi').click();
  await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT.hi);
});

test('with Save-Data on, the Browser engine downloads nothing until Run', async ({ page, context }) => {
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'connection', { value: { saveData: true } });
    // What the page asks of the pipeline worker, in order: only a message makes the worker load models.
    const asked: string[] = [];
    Object.defineProperty(window, 'askedOfWorker', { value: asked });
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: { type?: string }, ...rest: never[]) {
      asked.push(String(message?.type));
      return post.call(this, message, ...rest);
    };
  });
  const fetched: string[] = [];
  context.on('request', (request) => fetched.push(request.url()));
  const models = () => fetched.filter((url) => url.includes('/models/bitext-fixtures/'));
  const askedOfWorker = () =>
    page.evaluate(() => (window as unknown as { askedOfWorker: string[] }).askedOfWorker);

  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('browser');
  await workspace.loadSample();
  await expect(workspace.detectedLanguage).toContainText('English');
  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });

  // Without Save-Data the page asks the worker to prepare as soon as the language is known (the test above):
  // in the same render as the badge, so before any click the page handles after it. Here it never asked.
  const asked = await askedOfWorker();
  expect(asked).toContain('run' satisfies WorkerRequest['type']);
  expect(asked).not.toContain('prepare' satisfies WorkerRequest['type']);
  expect(models().length).toBeGreaterThan(0);
});

/** Lower-case words separated by single spaces, so JSON, URL and form encodings of a text all compare alike. */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every run of four consecutive words of `text`: any of them in a request is a piece of the article. */
function phrases(text: string): string[] {
  const all = words(text).split(' ');
  return all.slice(0, -3).map((_, i) => all.slice(i, i + 4).join(' '));
}

/** What a request carries: its URL (decoded) and its body, as words. */
function carried(request: Request): string {
  let url = request.url();
  try {
    url = decodeURIComponent(url);
  } catch {
    // Not percent-encoded text: compare it as it is.
  }
  return ` ${words(`${url} ${request.postDataBuffer()?.toString('utf8') ?? ''}`)} `;
}

test('a whole Browser-engine visit sends no part of the article anywhere', async ({ page, context }) => {
  const requests: Request[] = [];
  // The context sees the worker's requests as well as the page's.
  context.on('request', (request) => requests.push(request));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);

  const workspace = new WorkspacePage(page);
  await workspace.goto();
  await workspace.chooseEngine('browser');
  // Pasted, as a reader does.
  await page.evaluate((text) => navigator.clipboard.writeText(text), SEED_ARTICLE);
  await workspace.article.focus();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(workspace.article).toHaveValue(SEED_ARTICLE);
  await expect(workspace.detectedLanguage).toContainText('English');
  // The prefetch starts once the language is known.
  await expect
    .poll(() => requests.some((r) => r.url().includes('/models/bitext-fixtures/translit-hi/')), {
      timeout: 60_000,
    })
    .toBe(true);

  await workspace.run();
  await expect(workspace.doneStatus('browser')).toBeVisible({ timeout: RUN_TIMEOUT_MS.browser });
  for (const code of ['ru', 'zh-Hans', 'hi'] as const) {
    await workspace.tab(code).click();
    await expect(workspace.translationPanel).toContainText(SCRIPT_TEXT[code]);
  }
  await workspace.translation.getByRole('button', { name: workspace.t('TranslationPane.copy') }).click();
  await expect(workspace.translation.getByRole('status')).toHaveText(workspace.t('CopyButton.copied'));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: workspace.t('ResultsView.download') }).click();
  await download;

  const pieces = phrases(SEED_ARTICLE);
  const leaks = requests.flatMap((request) => {
    const sent = carried(request);
    const piece = pieces.find((phrase) => sent.includes(` ${phrase} `));
    return piece ? [`${request.method()} ${request.url()}: "${piece}"`] : [];
  });
  expect(requests.length).toBeGreaterThan(0);
  expect(leaks).toEqual([]);
});
