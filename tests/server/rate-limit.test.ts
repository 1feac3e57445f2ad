import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.BITEXT_RATE_SHARES = '2';
});

import { clientAddress, enforceRateLimit, RateLimiter } from '@/lib/server/rate-limit';

describe('RateLimiter', () => {
  it('allows a burst of perMinute, then asks the client to wait until a token is back', () => {
    let now = 0;
    const limiter = new RateLimiter(6, () => now);
    for (let i = 0; i < 6; i++) expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(10); // one token every 10 s
    now += 10_000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('b')).toBe(0); // clients are independent
  });

  it('is off at 0', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 100; i++) expect(limiter.take('a')).toBe(0);
  });

  it('keeps memory bounded however many addresses appear', () => {
    const limiter = new RateLimiter(1, () => 0, 3);
    for (const client of ['a', 'b', 'c', 'd']) limiter.take(client);
    // 'a' was forgotten, so it has a fresh bucket again.
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('d')).toBeGreaterThan(0);
  });
});

describe('enforceRateLimit', () => {
  const from = (ip: string) =>
    new Request('http://127.0.0.1/', { headers: { 'x-forwarded-for': `1.2.3.4, ${ip}` } });

  it('trusts the address the server appended, not what the client claimed', () => {
    expect(clientAddress(from('127.0.0.9'))).toBe('127.0.0.9');
  });

  it('answers rate_limited with retryAfter once the configured limit is used up', () => {
    enforceRateLimit('shares', from('127.0.0.2'));
    enforceRateLimit('shares', from('127.0.0.2'));
    expect(() => enforceRateLimit('shares', from('127.0.0.2'))).toThrow(
      expect.objectContaining({ code: 'rate_limited', details: { retryAfter: 30 } }),
    );
    expect(() => enforceRateLimit('shares', from('127.0.0.3'))).not.toThrow();
  });
});
