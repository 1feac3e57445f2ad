import 'server-only';
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { BitextError } from '@/lib/errors';
import { processGlobal } from '@/lib/process-global';
import { serverEnv } from './engine';
import { fastFailingRedis } from './redis';

/**
 * Per-client rate limits (rate-limiter-flexible): each bucket name ("digests", "shares", …) allows
 * `perMinute` requests a minute per IP. With BITEXT_REDIS_URL the count lives in Redis, so every web
 * process behind a load balancer spends one budget; while Redis is unreachable each process counts in its
 * own memory instead (the library's insurance limiter), so a Redis outage neither lifts the limits nor
 * fails requests. Over the limit → 429 `rate_limited` with the seconds until the window resets (Retry-After).
 */
export type RateBucket = 'digests' | 'inference' | 'extract' | 'shares';

const WINDOW_SECONDS = 60;

/**
 * The rate limits' own Redis client (not shared with the queue's): no offline queue and a short command
 * timeout, so a Redis that is down or stuck sends the request to the memory limiter at once; it reconnects
 * by itself.
 */
export function connectRateLimitRedis(url: string): Redis {
  const client = fastFailingRedis(url, { commandTimeout: 500 });
  // Reconnecting is ioredis's job and the memory limiter covers the gap; without a listener every failed
  // reconnect would be logged as an unhandled error event.
  client.on('error', () => undefined);
  return client;
}

export class RateLimiter {
  private readonly limiter: RateLimiterAbstract | undefined;

  /** `name` keeps buckets apart in Redis; `perMinute` 0 turns the limit off; no `redis`: memory only. */
  constructor(name: string, perMinute: number, redis?: Redis) {
    if (perMinute <= 0) return;
    const options = { keyPrefix: `bitext:rate:${name}`, points: perMinute, duration: WINDOW_SECONDS };
    const memory = new RateLimiterMemory(options);
    this.limiter = redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: redis,
          rejectIfRedisNotReady: true,
          insuranceLimiter: memory,
        })
      : memory;
  }

  /** Counts one request by `client`; returns 0 when allowed, else the seconds to wait. */
  async take(client: string): Promise<number> {
    if (!this.limiter) return 0;
    try {
      await this.limiter.consume(client);
      return 0;
    } catch (error) {
      // The library rejects with a RateLimiterRes when over the limit; anything else is a real failure.
      if (!(error instanceof RateLimiterRes)) throw error;
      return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    }
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

const rateLimitRedis = processGlobal('rateLimitRedis', () => {
  const url = serverEnv().redisUrl;
  return url ? connectRateLimitRedis(url) : undefined;
});

const appLimiters = processGlobal('rateLimiters', () => new Map<string, RateLimiter>());

/** This process's limiter for `name` (made once, on the shared Redis when there is one). */
export function rateLimiter(name: string, perMinute: number): RateLimiter {
  const limiters = appLimiters.get();
  const id = `${name}@${perMinute}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiter(name, perMinute, rateLimitRedis.get());
    limiters.set(id, limiter);
  }
  return limiter;
}

/** Throws 429 `rate_limited` (with `retryAfter` seconds in details) when this client is over the limit. */
export async function enforceRateLimit(bucket: RateBucket, request: Request): Promise<void> {
  await enforceLimit(rateLimiter(bucket, serverEnv().rateLimits[bucket]), clientAddress(request));
}

/** Counts a request by `client` (an address, or an API key's id) on `limiter`, or throws 429 `rate_limited`. */
export async function enforceLimit(limiter: RateLimiter, client: string): Promise<void> {
  const wait = await limiter.take(client);
  if (wait > 0) {
    throw new BitextError('rate_limited', `Too many requests; try again in ${wait} s.`, { retryAfter: wait });
  }
}
