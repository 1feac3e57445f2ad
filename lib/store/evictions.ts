import 'server-only';
import type { ShareEvictions } from './shares';

/** The Redis channel every web process listens on for deleted (and purged) share ids. */
export const EVICTION_CHANNEL = 'bitext:share-evictions';

export interface RedisEvictions extends ShareEvictions {
  close(): Promise<void>;
}

/** Share evictions over Redis pub/sub (not yet: every call is a no-op). */
export function redisEvictions(url: string): RedisEvictions {
  void url;
  return {
    publish: async () => {},
    subscribe: () => {},
    close: async () => {},
  };
}
