import 'server-only';
import { BitextError } from '@/lib/errors';
import type { PipelineContext } from '@/lib/pipeline/context';
import { processGlobal } from '@/lib/process-global';
import { serverEnv, serverPipelineContext } from '@/lib/server/engine';
import { resultCache } from '@/lib/store';
import type { ResultCache } from '@/lib/store/results';
import { BullmqQueue } from './bullmq';
import { InProcessQueue } from './in-process';
import type { DigestQueue } from './port';

export type { DigestEvent, DigestQueue } from './port';

export interface DigestQueueOptions {
  /** BITEXT_REDIS_URL: BullMQ on that Redis, with workers in other processes; without it, in-process. */
  redisUrl?: string;
  /** In-process only: jobs running at once (workers have their own, BITEXT_WORKER_CONCURRENCY). */
  concurrency: number;
  /** Jobs that may wait; one more is refused with `queue_full`. */
  backlog: number;
  context: PipelineContext;
  cache?: ResultCache;
}

/** The one place that chooses the adapter. */
export function createDigestQueue({ redisUrl, ...options }: DigestQueueOptions): DigestQueue {
  return redisUrl ? new BullmqQueue({ redisUrl, ...options }) : new InProcessQueue(options);
}

// Every route bundle (and each dev-mode reload) must see the same queue, or a job posted through one
// route would be unknown to the others.
const serverQueue = processGlobal('digest-queue', () => {
  const { redisUrl, jobConcurrency, jobBacklog } = serverEnv();
  return createDigestQueue({
    redisUrl,
    concurrency: jobConcurrency,
    backlog: jobBacklog,
    context: serverPipelineContext(),
    cache: resultCache(),
  });
});

/** The server's queue, configured from the environment. */
export function digestQueue(): DigestQueue {
  return serverQueue.get();
}

/**
 * For the routes that run a model outside the queue (/api/v1/translate, an abstractive /api/v1/summarize,
 * LibreTranslate's translate and translate_file):
 * with BITEXT_REDIS_URL set the web processes load no models at all (they stay small, and inference scales
 * with workers), so those answer `models_on_workers` and point to the digest queue.
 */
export function assertModelsRunHere(): void {
  if (!serverEnv().redisUrl) return;
  throw new BitextError(
    'models_on_workers',
    'This web server loads no models: inference runs on workers. Use POST /api/v1/digests, or the browser engine.',
    { use: '/api/v1/digests' },
  );
}

/** Graceful shutdown: closes the queue if this process ever made one. */
export async function closeDigestQueue(): Promise<void> {
  await serverQueue.peek()?.close();
}
