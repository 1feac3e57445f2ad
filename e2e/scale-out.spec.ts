import { expect, request as newRequest, test, type APIRequestContext } from '@playwright/test';

import { MY_SHARES_KEY, type MyShare } from '../lib/share-links';
import { servicesUnavailable } from '../tests/support/services';
import { startTopology, type Topology } from '../scripts/topology';
import { WorkspacePage } from './pages/workspace-page';
import { SCRIPT_TEXT, translator } from './support/messages';

// Postgres, Redis, two web processes and two workers start first, then a digest on the fixture models.
test.setTimeout(240_000);
test.describe.configure({ mode: 'serial' });

const skipReason = servicesUnavailable();
test.skip(Boolean(skipReason), skipReason);

const t = translator('en');
const TITLE = 'Lavrov: Russia isn’t’ conducting any secret negotiations about Syria';

let topology: Topology | undefined;
let a: APIRequestContext;
let b: APIRequestContext;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // The build the webServer made; this spec's own processes share one store and one queue.
  topology = await startTopology({ web: 2, workers: 2 });
  a = await newRequest.newContext({ baseURL: topology.urls[0] });
  b = await newRequest.newContext({ baseURL: topology.urls[1] });
});

test.afterAll(async () => {
  await a?.dispose();
  await b?.dispose();
  await topology?.close();
});

test('a server run shared from the workspace on web A opens the same through web B, and once deleted is gone from both', async ({
  browser,
}) => {
  const [originA, originB] = topology!.urls as [string, string];
  // Web processes load no models: the health check says so, and a worker runs the digest.
  for (const web of [a, b]) {
    expect(await (await web.get('/api/v1/health')).json()).toMatchObject({
      status: 'ok',
      role: 'web',
      store: 'ok',
      queue: 'ok',
      engines: { store: 'postgres', queue: 'bullmq' },
    });
  }

  const author = await browser.newContext({ baseURL: originA });
  const workspace = new WorkspacePage(await author.newPage());
  await workspace.goto();
  await workspace.runSample();
  await workspace.createShare();
  const link = await workspace.page
    .getByRole('textbox', { name: workspace.t('ShareButton.link') })
    .inputValue();
  const { origin, pathname } = new URL(link);
  expect(origin).toBe(originA);
  const id = pathname.split('/').at(-1)!;
  // The delete token lives only in the author's browser, where the Share button put it.
  const mine = (await workspace.page.evaluate(
    (key) => JSON.parse(window.localStorage.getItem(key) ?? '[]') as unknown,
    MY_SHARES_KEY,
  )) as MyShare[];
  const token = mine.find((share) => share.id === id)?.token;
  expect(token).toBeTruthy();

  // The colleague's browser reaches the other web process. The sample's first language is Russian.
  const reader = await browser.newContext({ locale: 'en-US' });
  const readerPage = await reader.newPage();
  await readerPage.goto(`${originB}${pathname}`);
  await expect(readerPage).toHaveURL(`${originB}/en/s/${id}`);
  await expect(readerPage.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(readerPage.getByRole('tabpanel')).toContainText(SCRIPT_TEXT.ru);

  const page = `/en/s/${id}`;
  // Behind a load balancer both processes are asked for the one public host; the page's preview URLs, and
  // so its bytes and ETag, depend on it. Here that host is web A's.
  const publicHost = { headers: { host: new URL(originA).host } };
  const throughA = await a.get(page, publicHost);
  const throughB = await b.get(page, publicHost);
  expect(throughA.status()).toBe(200);
  expect(throughB.status()).toBe(200);
  // Every web process derives the same nonce and ETag for one share: a CDN in front of both sees one document.
  expect(throughB.headers()['etag']).toBe(throughA.headers()['etag']);
  expect(await throughB.body()).toEqual(await throughA.body());

  const deleted = await b.delete(`/api/v1/shares/${id}`, { headers: { authorization: `Bearer ${token}` } });
  expect(deleted.status()).toBe(204);
  for (const web of [a, b]) {
    expect((await web.get(page)).status()).toBe(404);
    expect((await web.get(`/api/v1/shares/${id}`)).status()).toBe(404);
  }
  await readerPage.reload();
  await expect(readerPage.getByRole('heading', { level: 1, name: t('SharePage.gone.title') })).toBeVisible();
  await author.close();
  await reader.close();
});
