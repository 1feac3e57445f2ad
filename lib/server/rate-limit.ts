import 'server-only';
import { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { BitextError } from '@/lib/errors';
import { processGlobal } from '@/lib/process-global';
import { serverEnv } from './engine';

/**
 * Per-client token buckets: each bucket name ("digests", "shares", …) allows `perMinute` requests a minute
 * per IP, refilled continuously, with bursts up to the same number. Over the limit → 429 `rate_limited`
 * with the seconds until a token is back (Retry-After).
 */
export type RateBucket = 'digests' | 'inference' | 'extract' | 'shares';

interface Bucket {
  tokens: number;
  updated: number;
}

export class RateLimiter {
  private readonly buckets: LRUCache<string, Bucket>;

  constructor(
    readonly name: string,
    private readonly perMinute: number,
    // Not yet used: counts are per process.
    readonly redis?: Redis,
    private readonly now: () => number = Date.now,
  ) {
    this.buckets = new LRUCache({ max: 10_000 });
  }

  /** Takes one token for `client`; returns 0 when allowed, else the seconds to wait. */
  async take(client: string): Promise<number> {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, updated: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updated) * ratePerMs);
    bucket.updated = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / ratePerMs / 1000);
  }
}

/**
 * The client's address as the server saw it. `next start` puts the socket address last in
 * X-Forwarded-For, after anything the client sent itself, so the last entry is the one to trust.
 */
export function clientAddress(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-for');
  return forwarded?.split(',').at(-1)?.trim() || request.headers.get('x-real-ip') || 'unknown';
}

const appLimiters = processGlobal('rateLimiters', () => new Map<RateBucket, RateLimiter>());

/** Throws 429 `rate_limited` (with `retryAfter` seconds in details) when this client is over the limit. */
export function connectRateLimitRedis(url: string): Redis {
  return new Redis(url, { enableOfflineQueue: false });
}

export async function enforceRateLimit(bucket: RateBucket, request: Request): Promise<void> {
  const limiters = appLimiters.get();
  let limiter = limiters.get(bucket);
  if (!limiter) {
    limiter = new RateLimiter(bucket, serverEnv().rateLimits[bucket]);
    limiters.set(bucket, limiter);
  }
  await enforceLimit(limiter, clientAddress(request));
}

/** Takes a token for `client` (an address, or an API key's id) from `limiter`, or throws 429 `rate_limited`. */
export async function enforceLimit(limiter: RateLimiter, client: string): Promise<void> {
  const wait = await limiter.take(client);
  if (wait > 0) {
    throw new BitextError('rate_limited', `Too many requests; try again in ${wait} s.`, { retryAfter: wait });
  }
}
