import { expect, request as newRequest, test, type APIRequestContext } from '@playwright/test';

import { servicesUnavailable } from '../tests/support/services';
import { startTopology, type Topology } from '../scripts/topology';
import { SEED_ARTICLE } from './support/messages';
import { createShare } from './support/shares';

// Postgres, Redis, two web processes and two workers start first, then a digest on the fixture models.
test.setTimeout(240_000);
test.describe.configure({ mode: 'serial' });

const skipReason = servicesUnavailable();
test.skip(Boolean(skipReason), skipReason);

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

test('a share made through one web process reads the same through the other, and is gone from both once deleted', async () => {
  // The digest runs on a worker (the web tier loads no models), the share is written through web A.
  const health = (await (await a.get('/api/v1/health')).json()) as { queue?: string; store?: string };
  expect(health.queue).toBe('ok');
  expect(health.store).toBe('ok');
  const created = await createShare(a, SEED_ARTICLE);
  const path = `/en/s/${created.id}`;

  const throughA = await a.get(path);
  const throughB = await b.get(path);
  expect(throughA.status()).toBe(200);
  expect(throughB.status()).toBe(200);
  // Every web process derives the same nonce and ETag for one share: a CDN in front of both sees one document.
  expect(throughB.headers()['etag']).toBe(throughA.headers()['etag']);
  expect(await throughB.body()).toEqual(await throughA.body());

  const deleted = await b.delete(`/api/v1/shares/${created.id}`, {
    headers: { authorization: `Bearer ${created.deleteToken}` },
  });
  expect(deleted.status()).toBe(204);
  for (const web of [a, b]) {
    expect((await web.get(path)).status()).toBe(404);
    expect((await web.get(`/api/v1/shares/${created.id}`)).status()).toBe(404);
  }
});
