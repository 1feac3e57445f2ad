import 'server-only';
import { BitextError } from '@/lib/errors';
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
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Forget idle clients past this many entries, so spoofed addresses can't grow memory without bound. */
    private readonly maxClients = 10_000,
  ) {}

  /** Takes one token for `client`; returns 0 when allowed, else the seconds to wait. */
  take(client: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, updated: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updated) * ratePerMs);
    bucket.updated = now;
    // Re-insert so Map order is least-recently-used first.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
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

const limitersKey = Symbol.for('bitext.rateLimiters');
const store = globalThis as typeof globalThis & { [limitersKey]?: Map<RateBucket, RateLimiter> };

/** Throws 429 `rate_limited` (with `retryAfter` seconds in details) when this client is over the limit. */
export function enforceRateLimit(bucket: RateBucket, request: Request): void {
  const limiters = (store[limitersKey] ??= new Map());
  let limiter = limiters.get(bucket);
  if (!limiter) {
    limiter = new RateLimiter(serverEnv().rateLimits[bucket]);
    limiters.set(bucket, limiter);
  }
  enforceLimit(limiter, clientAddress(request));
}

/** Takes a token for `client` (an address, or an API key's id) from `limiter`, or throws 429 `rate_limited`. */
export function enforceLimit(limiter: RateLimiter, client: string): void {
  const wait = limiter.take(client);
  if (wait > 0) {
    throw new BitextError('rate_limited', `Too many requests; try again in ${wait} s.`, { retryAfter: wait });
  }
}
