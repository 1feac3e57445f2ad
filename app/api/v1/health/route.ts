import { digestQueue } from '@/lib/queue';
import { serverEnv } from '@/lib/server/engine';
import { checkHealth } from '@/lib/server/health';
import { appStore } from '@/lib/store';

// Every probe asks the store and the queue afresh: never a build-time answer.
export const dynamic = 'force-dynamic';

/** Always 200 while this process answers (a load balancer keeps it); `status: 'degraded'` names what is down. */
export async function GET(): Promise<Response> {
  const health = await checkHealth({
    store: appStore(),
    queue: digestQueue(),
    // With Redis, digests run on workers and this process loads no models.
    role: serverEnv().redisUrl ? 'web' : 'embedded',
  });
  return Response.json(health, { headers: { 'Cache-Control': 'no-store' } });
}
