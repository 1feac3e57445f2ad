import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  process.env.BITEXT_DATA_DIR = mkdtempSync(`${tmpdir()}/bitext-degraded-`);
});

import { POST as create } from '@/app/api/v1/shares/route';
import { DELETE as remove, GET as read } from '@/app/api/v1/shares/[id]/route';
import type { ShareCreated } from '@/lib/schemas/share';
import { sharePageAnswer } from '@/lib/server/share-page';
import { appStore, closeStore, storeStatus } from '@/lib/store';
import { createShareStore } from '@/lib/store/shares';
import { startPostgres, type Service } from '@/scripts/services';
import { postRequest } from '../support/requests';
import { servicesUnavailable } from '../support/services';
import { seedShareRequest } from '../support/share-request';

/**
 * Issue 11, "degraded, never wrong": with Postgres down, share writes answer 503 store_unavailable, hot
 * shares still read, nothing acknowledged is lost, and the app recovers by itself once the server is back.
 * Through the route handlers, on a real Postgres that the test stops and starts again.
 */

let postgres: Service;
let body: Awaited<ReturnType<typeof seedShareRequest>>;
let client = 0;
const post = () =>
  create(
    postRequest('http://127.0.0.1:3000/api/v1/shares', body, { 'x-forwarded-for': `127.0.1.${++client}` }),
  );
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (id: string) => read(new Request(`http://127.0.0.1:3000/api/v1/shares/${id}`), params(id));

describe.skipIf(servicesUnavailable())('shares with Postgres down', () => {
  beforeAll(async () => {
    [postgres, body] = await Promise.all([startPostgres(), seedShareRequest()]);
    process.env.BITEXT_DATABASE_URL = postgres.url;
  });
  afterAll(async () => {
    await closeStore();
    await postgres?.close();
  });

  it('refuse writes with 503 store_unavailable, still read hot shares, and recover by themselves', async () => {
    const acknowledged: ShareCreated[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await post();
      expect(response.status).toBe(201);
      acknowledged.push(await response.json());
    }
    expect(appStore().engine).toBe('postgres');
    const hot = await get(acknowledged[0]!.id);
    expect(hot.status).toBe(200);
    const hotBody = await hot.text();

    await postgres.stop();
    expect(await storeStatus()).toBe('down');
    const refused = await post();
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.code).toBe('store_unavailable');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The share read before is still served, from memory, byte for byte.
    const stillHot = await get(acknowledged[0]!.id);
    expect(stillHot.status).toBe(200);
    expect(await stillHot.text()).toBe(hotBody);
    // One never read needs the database: 503 too, never a 404 that would say it is gone.
    const cold = await get(acknowledged[1]!.id);
    expect(cold.status).toBe(503);
    expect((await cold.json()).error.code).toBe('store_unavailable');
    // Their pages too: proxy.ts answers what sharePageAnswer says, a 503 with Retry-After for the cold one.
    const page = (id: string) => sharePageAnswer(new Request(`http://127.0.0.1:3000/en/s/${id}`), id);
    expect(await page(acknowledged[0]!.id)).toMatchObject({ status: 'found' });
    expect(await page(acknowledged[1]!.id)).toEqual({
      status: 'unavailable',
      retryAfter: expect.any(Number),
    });
    const bearer = new Request(acknowledged[2]!.url, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${acknowledged[2]!.deleteToken}` },
    });
    expect((await remove(bearer, params(acknowledged[2]!.id))).status).toBe(503);

    // Back, with no restart of ours: the pool reconnects on the next request.
    await postgres.start();
    const again = await post();
    expect(again.status).toBe(201);
    acknowledged.push(await again.json());
    expect(await storeStatus()).toBe('ok');
    // Every acknowledged share is in the database (read past the hot cache), and reads through the API.
    const fromDatabase = createShareStore(appStore().shares, { hotCacheBytes: 1 });
    for (const { id } of acknowledged) {
      expect((await fromDatabase.get(id)).id).toBe(id);
      expect((await get(id)).status).toBe(200);
    }
  });
});
