import 'server-only';
import { blockingRedis, outageLog } from '@/lib/server/redis';
import { withTimeout } from '@/lib/server/timeout';
import type { ShareEvictions } from './shares';

/** The Redis channel every web process listens on for deleted (and purged) share ids. */
export const EVICTION_CHANNEL = 'bitext:share-evictions';

/** The longest a delete waits for Redis to take its eviction. */
const PUBLISH_WAIT_MS = 1_000;

export interface RedisEvictions extends ShareEvictions {
  close(): Promise<void>;
}

/**
 * Share evictions over Redis pub/sub: a delete through one process reaches every other's hot cache. Redis
 * being down never fails or delays a delete (the row is gone from the database, which is what counts): the
 * publish waits in the connection's queue and goes out once Redis is back, and every subscriber clears its
 * whole hot cache when its own subscription comes back, since it may have missed evictions meanwhile.
 */
export function redisEvictions(url: string): RedisEvictions {
  // Kept queued while disconnected (however long that takes) and sent on reconnection, rather than lost:
  // a subscriber that never lost its own connection would not clear its cache, so it needs the message.
  const publisher = blockingRedis(url);
  // Resubscribed by hand on every `ready`, so that the cache is cleared only once the subscription stands.
  const subscriber = blockingRedis(url, { autoResubscribe: false });
  for (const [role, connection] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    const outage = outageLog(`Redis share evictions (${role})`);
    connection.on('error', (error: Error) => outage.log(error));
    connection.on('ready', () => outage.recovered());
  }

  return {
    async publish(ids) {
      const sent = publisher.publish(EVICTION_CHANNEL, JSON.stringify(ids)).then(
        () => {},
        (error: unknown) => {
          console.warn('Share eviction not published:', error instanceof Error ? error.message : error);
        },
      );
      // Connected: the other processes have it by the time the delete answers. Not (or Redis stalls): it
      // goes out later, and the delete answers now.
      if (publisher.status !== 'ready') return;
      await withTimeout(sent, PUBLISH_WAIT_MS, 'Redis').catch(() => {});
    },
    subscribe({ evict, reset }) {
      subscriber.on('message', (channel: string, message: string) => {
        if (channel !== EVICTION_CHANNEL) return;
        try {
          for (const id of JSON.parse(message) as unknown[]) if (typeof id === 'string') evict(id);
        } catch {
          // Not ours (someone else publishing on the channel): nothing to evict.
        }
      });
      const resubscribe = () => {
        subscriber.subscribe(EVICTION_CHANNEL).then(reset, (error: unknown) => {
          console.warn('Share eviction subscription failed:', error instanceof Error ? error.message : error);
        });
      };
      subscriber.on('ready', resubscribe);
      if (subscriber.status === 'ready') resubscribe();
    },
    async close() {
      // Sends what is still queued first, if Redis is there to take it; never waits for one that is not.
      if (publisher.status === 'ready') await publisher.quit().catch(() => publisher.disconnect());
      else publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
