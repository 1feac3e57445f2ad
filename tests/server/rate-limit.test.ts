import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.BITEXT_RATE_SHARES = '2';
});

import { clientAddress, connectRateLimitRedis, enforceRateLimit, RateLimiter } from '@/lib/server/rate-limit';
import { startRedis, type Service } from '@/scripts/services';
import { servicesUnavailable } from '@/tests/support/services';

/** Takes `n` requests' worth from `limiter` for `client`; returns the waits (0 = allowed). */
async function takeMany(limiter: RateLimiter, client: string, n: number): Promise<number[]> {
  const waits: number[] = [];
  for (let i = 0; i < n; i++) waits.push(await limiter.take(client));
  return waits;
}

describe('RateLimiter in one process', () => {
  it('allows perMinute requests, then asks the client to wait at most a minute', async () => {
    const limiter = new RateLimiter('test-burst', 6);
    expect(await takeMany(limiter, 'a', 6)).toEqual([0, 0, 0, 0, 0, 0]);
    const wait = await limiter.take('a');
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await limiter.take('b')).toBe(0); // clients are independent
  });

  it('is off at 0', async () => {
    const limiter = new RateLimiter('test-off', 0);
    expect((await takeMany(limiter, 'a', 100)).every((w) => w === 0)).toBe(true);
  });
});

describe('enforceRateLimit', () => {
  const from = (ip: string) =>
    new Request('http://127.0.0.1/', { headers: { 'x-forwarded-for': `1.2.3.4, ${ip}` } });

  it('trusts the address the server appended, not what the client claimed', () => {
    expect(clientAddress(from('127.0.0.9'))).toBe('127.0.0.9');
  });

  it('answers rate_limited with retryAfter once the configured limit is used up', async () => {
    await enforceRateLimit('shares', from('127.0.0.2'));
    await enforceRateLimit('shares', from('127.0.0.2'));
    await expect(enforceRateLimit('shares', from('127.0.0.2'))).rejects.toMatchObject({
      code: 'rate_limited',
      details: { retryAfter: expect.any(Number) },
    });
    await expect(enforceRateLimit('shares', from('127.0.0.3'))).resolves.toBeUndefined();
  });
});

// Two limiters, each with its own Redis client, stand for two web processes behind one load balancer.
describe.skipIf(servicesUnavailable())('RateLimiter on a shared Redis', () => {
  let redis: Service;
  const clients: ReturnType<typeof connectRateLimitRedis>[] = [];
  const processLimiter = (name: string, perMinute: number) => {
    const client = connectRateLimitRedis(redis.url);
    clients.push(client);
    return new RateLimiter(name, perMinute, client);
  };
  const connected = async () => {
    const deadline = Date.now() + 10_000;
    while (clients.some((c) => c.status !== 'ready')) {
      if (Date.now() > deadline) throw new Error('rate-limit clients did not reconnect');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await redis?.close();
  });

  it('counts one budget across both processes', async () => {
    const a = processLimiter('test-shared', 4);
    const b = processLimiter('test-shared', 4);
    await connected();
    expect(await takeMany(a, 'client', 2)).toEqual([0, 0]);
    expect(await takeMany(b, 'client', 2)).toEqual([0, 0]);
    // Per process this would be the third of four; across both it is the fifth.
    expect(await a.take('client')).toBeGreaterThan(0);
    expect(await b.take('client')).toBeGreaterThan(0);
  });

  it('falls back to per-process limits while Redis is down, and shares again once it is back', async () => {
    const a = processLimiter('test-outage', 3);
    const b = processLimiter('test-outage', 3);
    await connected();
    await redis.stop();
    try {
      // Each process counts on its own now: three each, then a wait, and nothing throws.
      expect(await takeMany(a, 'client', 4)).toEqual([0, 0, 0, expect.any(Number)]);
      expect(await takeMany(b, 'client', 4)).toEqual([0, 0, 0, expect.any(Number)]);
      expect(await a.take('client')).toBeGreaterThan(0);
    } finally {
      await redis.start();
    }
    await connected();
    // The restarted Redis is empty; a fresh client's budget is shared again.
    expect(await takeMany(a, 'other', 2)).toEqual([0, 0]);
    expect(await b.take('other')).toBe(0);
    expect(await b.take('other')).toBeGreaterThan(0);
    expect(await a.take('other')).toBeGreaterThan(0);
  });
});
