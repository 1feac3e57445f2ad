import 'server-only';
import { hostname } from 'node:os';
import { QueueEvents, UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { CANCELLED, toWireError } from '@/lib/errors';
import type { PipelineContext } from '@/lib/pipeline/context';
import { digest, type DigestResult } from '@/lib/pipeline/digest';
import type { ProgressEvent } from '@/lib/pipeline/events';
import { blockingRedis } from '@/lib/server/redis';
import type { ResultCache } from '@/lib/store/results';
import {
  CANCEL_EVENT,
  QUEUE_NAME,
  cancelKey,
  encodeFailure,
  type DigestJobData,
  type JobProgress,
  type PartialLog,
} from './bullmq-jobs';
import { cacheDigest } from './results';

/**
 * An inference worker (`npm run worker`): takes digest jobs from Redis, runs them with lib/pipeline, writes
 * the result cache, and reports progress (`job.updateProgress`) and partials (`job.log`, then progress) for
 * the web processes to stream. A worker that dies holds its job's lock only LOCK_MS: after that and the
 * next stalled check another worker starts the job again (the listeners hear `restarted`).
 */

export interface DigestWorkerOptions {
  redisUrl: string;
  /** Jobs this process runs at once (BITEXT_WORKER_CONCURRENCY). */
  concurrency: number;
  /** The server pipeline context; each job adds its own abort signal and progress. */
  context: PipelineContext;
  cache?: ResultCache;
}

/**
 * The lock a running job holds, renewed every LOCK_MS / 2 while its worker lives, and how often workers look
 * for expired ones: a killed worker's job starts again within about LOCK_MS + STALLED_CHECK_MS. Inference
 * runs in onnxruntime's threads, so the event loop stays free to renew the lock.
 */
const LOCK_MS = 4_000;
const STALLED_CHECK_MS = 2_000;
/** A job whose workers keep dying is failed after this many restarts rather than taking down every worker. */
const MAX_STALLED = 2;
/** On SIGTERM the running jobs get this long to finish; then they go back to the queue for another worker. */
export const HAND_BACK_AFTER_MS = 8_000;
/** The abort reason that hands a job back instead of failing it. */
const HAND_BACK = 'hand-back';

export interface DigestWorker {
  /** Resolves once the worker takes jobs. */
  ready(): Promise<void>;
  /** Stops taking jobs; finishes the running ones, or after `handBackAfterMs` hands them back. */
  close(handBackAfterMs?: number): Promise<void>;
}

export function startDigestWorker(options: DigestWorkerOptions): DigestWorker {
  const connection = blockingRedis(options.redisUrl);
  const reader = blockingRedis(options.redisUrl);
  const worker = new Worker<DigestJobData, DigestResult>(
    QUEUE_NAME,
    (job, token, signal) => runJob(job, token, signal!, options, connection),
    {
      connection,
      concurrency: options.concurrency,
      lockDuration: LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
      maxStalledCount: MAX_STALLED,
      // Which worker runs a job, for logs and the kill test: host:pid.
      name: `${hostname()}:${process.pid}`,
    },
  );
  const cancels = new QueueEvents(QUEUE_NAME, { connection: reader });
  (cancels as unknown as NodeJS.EventEmitter).on(CANCEL_EVENT, ({ jobId }: { jobId: string }) =>
    worker.cancelJob(jobId),
  );
  // Without listeners an 'error' event would end the process; Redis outages are retried by the clients.
  const logError = (error: Error) => console.error('Worker: Redis error:', error.message);
  worker.on('error', logError);
  cancels.on('error', logError);
  connection.on('error', logError);
  reader.on('error', logError);

  return {
    async ready() {
      await Promise.all([worker.waitUntilReady(), cancels.waitUntilReady()]);
    },
    async close(handBackAfterMs = HAND_BACK_AFTER_MS) {
      const handBack = setTimeout(() => worker.cancelAllJobs(HAND_BACK), handBackAfterMs);
      try {
        await worker.close();
      } finally {
        clearTimeout(handBack);
        await cancels.close();
        connection.disconnect();
        reader.disconnect();
      }
    },
  };
}

async function runJob(
  job: Job<DigestJobData, DigestResult>,
  token: string | undefined,
  signal: AbortSignal,
  { context, cache }: DigestWorkerOptions,
  connection: Redis,
): Promise<DigestResult> {
  // Cancelled while it waited, just as this worker took it.
  if ((await connection.exists(cancelKey(job.id!))) === 1) {
    throw new UnrecoverableError(encodeFailure(CANCELLED));
  }
  const attempt = job.attemptsStarted;
  let latest: ProgressEvent | undefined;
  let seq = 0;
  // Progress is fire-and-forget (the pipeline calls back synchronously); commands on one connection keep
  // their order, so a partial's log line is written before the progress that announces it.
  const report = (progress: JobProgress) =>
    void job.updateProgress(progress).catch((error: Error) => console.error('Progress lost:', error.message));
  try {
    const result = await digest(
      job.data.request,
      {
        ...context,
        signal,
        onProgress: (event) => {
          latest = event;
          report({ attempt, progress: event });
        },
      },
      (partial) => {
        const line: PartialLog = { attempt, seq, partial };
        void job
          .log(JSON.stringify(line))
          .catch((error: Error) => console.error('Partial lost:', error.message));
        report({ attempt, progress: latest, partial: { seq, data: partial } });
        seq++;
      },
    );
    await cacheDigest(cache, job.data.cacheKey, result);
    return result;
  } catch (error) {
    if (signal.aborted && signal.reason === HAND_BACK && token) {
      // Shutting down: back to the queue, for another worker to start again.
      await job.moveToWait(token);
      throw new WaitingError();
    }
    // Never retried: a digest that failed fails the same way again, and a cancel is final.
    throw new UnrecoverableError(encodeFailure(toWireError(error)));
  }
}
