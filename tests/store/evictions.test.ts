import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareRequest, type ShareRequest } from '@/lib/schemas/share';
import { EVICTION_CHANNEL, redisEvictions } from '@/lib/store/evictions';
import type { Store } from '@/lib/store/port';
import { openPostgresStore } from '@/lib/store/postgres';
import { createShareStore, type ShareStore } from '@/lib/store/shares';
import { startPostgres, startRedis, type Service } from '@/scripts/services';
import { servicesUnavailable } from '../support/services';
import { seedShareRequest } from '../support/share-request';

/**
 * Issue 11: a share deleted through one web process is 404 through every other at once. Two "processes"
 * here: two share stores, each with its own Postgres pool and its own Redis connections, on one real
 * Postgres and one real Redis, exactly as two `next start` behind a load balancer would be.
 */

let postgres: Service;
let redis: Service;
let request: ShareRequest;
let watcher: Redis;
const closing: (() => Promise<void>)[] = [];
let now = Date.parse('2026-12-04T12:00:00Z');

function webProcess(): ShareStore {
  const store: Store = openPostgresStore(postgres.url);
  const evictions = redisEvictions(redis.url);
  closing.push(
    () => store.close(),
    () => evictions.close(),
  );
  return createShareStore(store.shares, { evictions, now: () => now });
}

/** Until Redis counts `count` subscribers on the channel (subscribing is asynchronous). */
async function subscribers(count: number): Promise<void> {
  await expect
    .poll(async () => (await watcher.pubsub('NUMSUB', EVICTION_CHANNEL))[1], { timeout: 5_000 })
    .toBe(count);
}

describe.skipIf(servicesUnavailable())('share evictions across processes', () => {
  beforeAll(async () => {
    [postgres, redis, request] = await Promise.all([
      startPostgres(),
      startRedis(),
      seedShareRequest().then((r) => shareRequest.parse(r)),
    ]);
    watcher = new Redis(redis.url, { maxRetriesPerRequest: null });
    // It loses its connection too while the test stops Redis; it reconnects by itself.
    watcher.on('error', () => {});
  });
  afterAll(async () => {
    await Promise.all(closing.map((close) => close()));
    watcher?.disconnect();
    await Promise.all([postgres?.close(), redis?.close()]);
  });

  it('a share deleted, or purged, through one is not_found through the other at once', async () => {
    const [a, b] = [webProcess(), webProcess()];
    await subscribers(2);
    const { id, deleteToken } = await a.create(request);
    // Hot in both: each would answer it from memory.
    expect((await a.get(id)).id).toBe(id);
    expect((await b.get(id)).id).toBe(id);

    await a.delete(id, deleteToken);
    expect(await a.state(id)).toEqual({ status: 'missing' });
    await expect.poll(() => b.state(id), { timeout: 200, interval: 5 }).toEqual({ status: 'missing' });

    // Long-expired shares are purged as a share is created; the other process forgets them too.
    const expiring = await a.create({ ...request, expires: '1d' });
    expect((await b.entity(expiring.id)).etag).toMatch(/^"/);
    now += 32 * 86_400_000;
    expect(await b.state(expiring.id)).toEqual({ status: 'expired' });
    await a.create(request);
    await expect
      .poll(() => b.state(expiring.id), { timeout: 200, interval: 5 })
      .toEqual({ status: 'missing' });
  });

  it('deletes while Redis is down, and a process whose subscription comes back clears its cache', async () => {
    const [a, b] = [webProcess(), webProcess()];
    await subscribers(4);
    const { id, deleteToken } = await a.create(request);
    expect((await b.get(id)).id).toBe(id);

    await redis.stop();
    // The database is what counts: the delete stands, only the other process's copy lingers meanwhile.
    await a.delete(id, deleteToken);
    expect(await a.state(id)).toEqual({ status: 'missing' });

    await redis.start();
    // Back: it may have missed evictions, so it forgets everything it held and asks the database again.
    await expect.poll(() => b.state(id), { timeout: 10_000, interval: 50 }).toEqual({ status: 'missing' });

    // A delete while the deleting process is still reconnecting reaches the other once it is back.
    await subscribers(4);
    const next = await a.create(request);
    expect((await b.get(next.id)).id).toBe(next.id);
    await a.delete(next.id, next.deleteToken);
    await expect
      .poll(() => b.state(next.id), { timeout: 10_000, interval: 50 })
      .toEqual({ status: 'missing' });
    // And, connected again, at once.
    const last = await a.create(request);
    expect((await b.get(last.id)).id).toBe(last.id);
    await a.delete(last.id, last.deleteToken);
    await expect.poll(() => b.state(last.id), { timeout: 200, interval: 5 }).toEqual({ status: 'missing' });
  });
});
