import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/v1/health/route';
import { closeDigestQueue } from '@/lib/queue';
import { closeStore } from '@/lib/store';
import { startPostgres, startRedis, type Service } from '@/scripts/services';
import { servicesUnavailable } from '@/tests/support/services';

// A web process of the scaled-out topology: Postgres store, BullMQ queue on Redis, no models of its own.
// (The embedded default, SQLite and the in-process queue, is checked in routes.test.ts.)
describe.skipIf(servicesUnavailable())('GET /api/v1/health in a web process', () => {
  let postgres: Service;
  let redis: Service;

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    // Read once, on the first request: set before it.
    process.env.BITEXT_DATABASE_URL = postgres.url;
    process.env.BITEXT_REDIS_URL = redis.url;
    process.env.BITEXT_MODEL_PROFILE = 'fixtures';
  });
  afterAll(async () => {
    await Promise.all([closeDigestQueue(), closeStore()]);
    await Promise.all([postgres?.close(), redis?.close()]);
  });

  const check = async () => {
    const response = await health();
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const eventually = async (expected: Record<string, unknown>) => {
    const deadline = Date.now() + 15_000;
    let last = await check();
    while (Date.now() < deadline && !matches(last.body, expected)) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      last = await check();
    }
    expect(last).toEqual({ status: 200, body: expect.objectContaining(expected) });
  };

  it('reports the role, each dependency and its engine', async () => {
    expect(await check()).toEqual({
      status: 200,
      body: {
        status: 'ok',
        version: '0.1.0',
        role: 'web',
        store: 'ok',
        queue: 'ok',
        engines: { store: 'postgres', queue: 'bullmq' },
      },
    });
  });

  it('stays 200 and says which dependency is down, within about a second, and recovers by itself', async () => {
    await redis.stop();
    try {
      const started = Date.now();
      expect(await check()).toEqual({
        status: 200,
        body: expect.objectContaining({ status: 'degraded', store: 'ok', queue: 'down' }),
      });
      // Bounded checks: a load balancer's probe gets an answer, not a hang on the missing server.
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await redis.start();
    }
    await eventually({ status: 'ok', queue: 'ok' });

    await postgres.stop();
    try {
      const started = Date.now();
      expect(await check()).toEqual({
        status: 200,
        body: expect.objectContaining({ status: 'degraded', store: 'down', queue: 'ok' }),
      });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await postgres.start();
    }
    await eventually({ status: 'ok', store: 'ok' });
  });
});

function matches(body: Record<string, unknown>, expected: Record<string, unknown>): boolean {
  return Object.entries(expected).every(([key, value]) => body[key] === value);
}
