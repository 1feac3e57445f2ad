import 'server-only';
import { Redis, type RedisOptions } from 'ioredis';

/**
 * The Redis connections the scaled-out topology makes (the queue, the workers, the rate limits, the share
 * evictions). Always instances of ours, never options handed to BullMQ: its own way to make one needs a
 * CommonJS `require`, which its ESM build (the one Next.js and tsx load) does not have.
 */

/**
 * A connection that waits for Redis to come back rather than fail: for blocking readers (QueueEvents, the
 * Worker), as BullMQ requires, and for messages that must go out once Redis is back.
 */
export function blockingRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, ...options });
}

/**
 * A connection that fails fast while Redis is down (no offline queue, short timeouts) and reconnects by
 * itself, for commands a request waits on.
 */
export function fastFailingRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...options,
  });
}

/** Logs an outage once, not on every reconnection attempt, until `recovered` is called. */
export function outageLog(what: string): { log(error: unknown): void; recovered(): void } {
  let down = false;
  return {
    log(error) {
      if (down) return;
      down = true;
      console.error(`${what} unavailable:`, error instanceof Error ? error.message : error);
    },
    recovered() {
      down = false;
    },
  };
}
