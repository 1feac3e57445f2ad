import 'server-only';
import packageJson from '@/package.json';
import type { DigestQueue } from '@/lib/queue/port';
import type { Store } from '@/lib/store/port';
import { withTimeout } from './timeout';

/** Each dependency gets this long to answer; a load balancer's probe must never hang on a dead server. */
const CHECK_TIMEOUT_MS = 1_000;

type Dependency = 'ok' | 'down';

export interface Health {
  /** `degraded`: alive (keep routing to it), but a dependency is down and some requests answer 503. */
  status: 'ok' | 'degraded';
  version: string;
  /** `web`: a web process of the scaled-out topology, whose digests run in workers; `embedded`: all in one. */
  role: 'web' | 'embedded';
  store: Dependency;
  queue: Dependency;
  engines: { store: Store['engine']; queue: DigestQueue['engine'] };
}

/** `check` as ok/down: down when it says so, throws, or has not answered within the timeout. */
async function bounded(check: () => Promise<boolean>): Promise<Dependency> {
  try {
    return (await withTimeout(check(), CHECK_TIMEOUT_MS, 'the dependency')) ? 'ok' : 'down';
  } catch {
    return 'down';
  }
}

export async function checkHealth({
  store,
  queue,
  role,
}: {
  store: Pick<Store, 'engine' | 'ping'>;
  queue: Pick<DigestQueue, 'engine' | 'status'>;
  role: Health['role'];
}): Promise<Health> {
  const [storeState, queueState] = await Promise.all([
    bounded(() => store.ping(CHECK_TIMEOUT_MS)),
    bounded(async () => (await queue.status()) === 'ok'),
  ]);
  return {
    status: storeState === 'ok' && queueState === 'ok' ? 'ok' : 'degraded',
    version: packageJson.version,
    role,
    store: storeState,
    queue: queueState,
    engines: { store: store.engine, queue: queue.engine },
  };
}
