import 'server-only';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Queue, QueueEvents, QueueEventsProducer, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { BitextError, CANCELLED, isBitextError, type WireError } from '@/lib/errors';
import type { PipelineContext } from '@/lib/pipeline/context';
import type { DigestRequest, DigestResult } from '@/lib/pipeline/digest';
import type { JobView } from '@/lib/pipeline/protocol';
import { blockingRedis, fastFailingRedis, outageLog } from '@/lib/server/redis';
import { withTimeout } from '@/lib/server/timeout';
import type { ResultCache } from '@/lib/store/results';
import {
  CANCEL_EVENT,
  KEEP_FINISHED_S,
  QUEUE_NAME,
  cancelKey,
  decodeFailure,
  type DigestJobData,
  type JobProgress,
  type PartialLog,
} from './bullmq-jobs';
import { Channel } from './channel';
import type { DigestEvent, DigestQueue } from './port';
import { cacheKeyOf, readCachedDigest } from './results';

/**
 * The BullMQ adapter of the job-queue port (BITEXT_REDIS_URL set), as a web process uses it: jobs go to
 * Redis and `npm run worker` processes run them. This process loads no model: it answers cached digests
 * itself, reads a job's state, progress and partials from Redis, and hears what happens next from
 * QueueEvents. While Redis is down every call fails fast with `queue_unavailable` (503, Retry-After), and
 * works again once Redis is back, without a restart.
 */

export interface BullmqQueueOptions {
  redisUrl: string;
  /** Jobs that may wait for a worker, counted across every web process; one more is `queue_full`. */
  backlog: number;
  /** Only for cache keys (the profile and model policy); nothing runs here. */
  context: PipelineContext;
  cache?: ResultCache;
}

/** How long a call may wait on Redis before the client hears `queue_unavailable`. */
const REDIS_TIMEOUT_MS = 2_000;
/** Retry-After for `queue_unavailable`: about how long Redis takes to come back after a restart. */
const UNAVAILABLE_RETRY_AFTER_S = 5;
/** Retry-After for `queue_full` before any job has finished to measure by. */
const DEFAULT_RETRY_AFTER_S = 10;
/** Ids of digests answered from the cache: no job exists, so reads go to the cache again. */
const CACHED_PREFIX = 'cached-';

type Outcome = { event: 'done'; data: DigestResult } | { event: 'error'; data: WireError };

/** The fields of a QueueEvents event that the listeners here read (BullMQ parses progress and returnvalue). */
interface HeardArgs {
  data?: JobProgress;
  returnvalue?: DigestResult;
  failedReason?: string;
}

/** What QueueEvents tells about one job, before it is turned into DigestEvents. */
type Heard =
  { kind: 'progress'; data: JobProgress } | { kind: 'stalled' } | { kind: 'outcome'; outcome: Outcome };

export class BullmqQueue implements DigestQueue {
  readonly engine = 'bullmq';
  private readonly redis: Redis;
  private readonly reader: Redis;
  private readonly queue: Queue<DigestJobData, DigestResult>;
  private readonly producer: QueueEventsProducer;
  private readonly queueEvents: QueueEvents;
  private readonly outage = outageLog('Job queue (Redis)');

  constructor(private readonly options: BullmqQueueOptions) {
    this.redis = fastFailingRedis(options.redisUrl);
    this.queue = new Queue(QUEUE_NAME, {
      connection: this.redis,
      defaultJobOptions: {
        removeOnComplete: { age: KEEP_FINISHED_S },
        removeOnFail: { age: KEEP_FINISHED_S },
      },
    });
    this.producer = new QueueEventsProducer(QUEUE_NAME, { connection: this.redis });
    this.reader = blockingRedis(options.redisUrl);
    this.queueEvents = new QueueEvents(QUEUE_NAME, { connection: this.reader });
    // Unhandled 'error' events would crash the process; an outage is logged once, not per retry.
    const logOutage = (error: Error) => this.outage.log(error);
    this.redis.on('error', logOutage);
    this.reader.on('error', logOutage);
    this.queue.on('error', logOutage);
    this.producer.on('error', logOutage);
    this.queueEvents.on('error', logOutage);
    this.redis.on('ready', () => this.outage.recovered());
    // Many SSE listeners follow their jobs through this one QueueEvents.
    this.queueEvents.setMaxListeners(0);
  }

  async submit(submitted: DigestRequest): Promise<JobView> {
    const request = { ...submitted, targets: [...new Set(submitted.targets)] };
    const cacheKey = this.options.cache ? cacheKeyOf(request, this.options.context) : undefined;
    // Before the backlog and even before Redis: a cached digest costs nothing, so it is always answered.
    const cached = await readCachedDigest(this.options.cache, cacheKey);
    if (cached && cacheKey) return { id: `${CACHED_PREFIX}${cacheKey}`, status: 'done', result: cached };
    return this.guard(async () => {
      const waiting = await this.backlog();
      if (waiting >= this.options.backlog) {
        throw new BitextError('queue_full', 'The servers are busy with other digests; try again shortly.', {
          retryAfter: await this.retryAfterSeconds(waiting),
        });
      }
      const id = randomUUID();
      await this.queue.add('digest', { request, ...(cacheKey && { cacheKey }) }, { jobId: id });
      return { id, status: 'queued' };
    });
  }

  async get(id: string): Promise<JobView> {
    if (id.startsWith(CACHED_PREFIX)) return this.cachedView(id);
    return this.guard(async () => {
      const [job, cancelled] = await Promise.all([this.queue.getJob(id), this.isCancelled(id)]);
      if (cancelled) return cancelledView(id);
      if (!job) throw notFound(id);
      return viewOf(job as Job<DigestJobData, DigestResult>, await job.getState());
    });
  }

  async cancel(id: string): Promise<JobView> {
    if (id.startsWith(CACHED_PREFIX)) return this.cachedView(id);
    return this.guard(async () => {
      const job = await this.queue.getJob(id);
      if (!job) {
        if (await this.isCancelled(id)) return cancelledView(id);
        throw notFound(id);
      }
      const state = await job.getState();
      if (state === 'completed' || state === 'failed')
        return viewOf(job as Job<DigestJobData, DigestResult>, state);
      await this.redis.set(cancelKey(id), '1', 'EX', KEEP_FINISHED_S);
      // Waiting: gone from the queue. Taken by a worker meanwhile (locked): that worker hears the event.
      if (state !== 'active') await job.remove().catch(() => undefined);
      await this.producer.publishEvent({ eventName: CANCEL_EVENT, jobId: id });
      return cancelledView(id);
    });
  }

  async *events(id: string, signal: AbortSignal): AsyncIterable<DigestEvent> {
    if (id.startsWith(CACHED_PREFIX)) {
      const view = await this.cachedView(id);
      if (view.result) yield { event: 'done', data: view.result };
      return;
    }
    // Listen first, then read what already happened: nothing falls between the two.
    await this.guard(() => this.queueEvents.waitUntilReady());
    const heard = new Channel<Heard>(signal);
    const listeners: [string, (args: HeardArgs) => void][] = [
      [`progress:${id}`, ({ data }) => data && heard.push({ kind: 'progress', data })],
      [`stalled:${id}`, () => heard.push({ kind: 'stalled' })],
      [
        `completed:${id}`,
        ({ returnvalue }) =>
          returnvalue && heard.push({ kind: 'outcome', outcome: { event: 'done', data: returnvalue } }),
      ],
      [
        `failed:${id}`,
        ({ failedReason }) =>
          heard.push({ kind: 'outcome', outcome: { event: 'error', data: decodeFailure(failedReason) } }),
      ],
      [
        `${CANCEL_EVENT}:${id}`,
        () => heard.push({ kind: 'outcome', outcome: { event: 'error', data: CANCELLED } }),
      ],
    ];
    const events = this.queueEvents as unknown as NodeJS.EventEmitter;
    for (const [name, listener] of listeners) events.on(name, listener);
    try {
      const replay = await this.guard(() => this.replay(id));
      yield* replay.events;
      if (replay.ended) return;
      // The attempt whose events are shown; events of an older one (a dead worker's) are dropped.
      let attempt = replay.attempt;
      let shown = replay.events.length > 0;
      let nextSeq = replay.partials;
      for await (const item of heard) {
        if (item.kind === 'outcome') {
          yield item.outcome;
          return;
        }
        if (item.kind === 'stalled') {
          if (shown) yield { event: 'restarted', data: {} };
          attempt++;
          shown = false;
          nextSeq = 0;
          continue;
        }
        const { data } = item;
        if (data.attempt < attempt) continue;
        if (data.attempt > attempt) {
          if (shown) yield { event: 'restarted', data: {} };
          attempt = data.attempt;
          shown = false;
          nextSeq = 0;
        }
        if (data.partial) {
          // Already replayed from the job's log.
          if (data.partial.seq < nextSeq) continue;
          nextSeq = data.partial.seq + 1;
          yield { event: 'partial', data: data.partial.data };
        } else if (data.progress) {
          yield { event: 'progress', data: data.progress };
        }
        shown = true;
      }
    } finally {
      for (const [name, listener] of listeners) events.off(name, listener);
    }
  }

  /** Waiting jobs across every process (running ones have a worker and do not count). */
  async backlog(): Promise<number> {
    return this.guard(async () => {
      const counts = await this.queue.getJobCounts('waiting', 'prioritized', 'delayed');
      return Object.values(counts).reduce((sum, count) => sum + count, 0);
    });
  }

  async status(): Promise<'ok' | 'down'> {
    try {
      // A connection still being made (the first health probe of a new process) is not an outage: wait for
      // it, within the timeout. While Redis is down, its next failed attempt rejects `once` at once.
      const ready = this.redis.status === 'ready' ? Promise.resolve() : once(this.redis, 'ready');
      await withTimeout(
        ready.then(() => this.redis.ping()),
        REDIS_TIMEOUT_MS,
        'Redis',
      );
      return 'ok';
    } catch {
      return 'down';
    }
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.queueEvents.close(), this.producer.close(), this.queue.close()]);
    this.redis.disconnect();
    this.reader.disconnect();
  }

  /** What a listener who connects now is told first: the outcome, or this attempt's partials and progress. */
  private async replay(
    id: string,
  ): Promise<{ events: DigestEvent[]; ended: boolean; attempt: number; partials: number }> {
    const [job, cancelled] = await Promise.all([this.queue.getJob(id), this.isCancelled(id)]);
    if (cancelled)
      return { events: [{ event: 'error', data: CANCELLED }], ended: true, attempt: 0, partials: 0 };
    if (!job) throw notFound(id);
    const state = await job.getState();
    const view = viewOf(job as Job<DigestJobData, DigestResult>, state);
    if (view.result)
      return { events: [{ event: 'done', data: view.result }], ended: true, attempt: 0, partials: 0 };
    if (view.error)
      return { events: [{ event: 'error', data: view.error }], ended: true, attempt: 0, partials: 0 };
    const attempt = job.attemptsStarted;
    // Only a running attempt's work is shown: a job waiting again after a stall starts over.
    if (state !== 'active') return { events: [], ended: false, attempt, partials: 0 };
    const { logs } = await this.queue.getJobLogs(id);
    const partials = logs
      .map((line) => JSON.parse(line) as PartialLog)
      .filter((log) => log.attempt === attempt)
      .sort((a, b) => a.seq - b.seq);
    // BullMQ's initial progress is the number 0; ours are objects.
    const progress = job.progress as JobProgress | number;
    const latest =
      typeof progress === 'object' && progress.attempt === attempt ? progress.progress : undefined;
    const events: DigestEvent[] = [
      ...partials.map((log): DigestEvent => ({ event: 'partial', data: log.partial })),
      ...(latest ? [{ event: 'progress' as const, data: latest }] : []),
    ];
    return { events, ended: false, attempt, partials: partials.length };
  }

  private async cachedView(id: string): Promise<JobView> {
    const result = await readCachedDigest(this.options.cache, id.slice(CACHED_PREFIX.length));
    if (!result) throw notFound(id);
    return { id, status: 'done', result };
  }

  private async isCancelled(id: string): Promise<boolean> {
    return (await this.redis.exists(cancelKey(id))) === 1;
  }

  /** About when a worker frees: the recent average run, times the jobs ahead, spread over the workers. */
  private async retryAfterSeconds(waiting: number): Promise<number> {
    const [recent, workers] = await Promise.all([
      this.queue.getCompleted(0, 9),
      this.queue.getWorkersCount(),
    ]);
    const runs = recent.flatMap((job) =>
      job.finishedOn && job.processedOn ? [job.finishedOn - job.processedOn] : [],
    );
    if (runs.length === 0) return DEFAULT_RETRY_AFTER_S;
    const averageMs = runs.reduce((sum, ms) => sum + ms, 0) / runs.length;
    return Math.max(1, Math.ceil((averageMs * waiting) / Math.max(1, workers) / 1000));
  }

  /** Runs a Redis call with a deadline; our own errors pass, anything else means Redis is not there. */
  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      // The first calls of a new process wait for its first connection (later, while Redis is down, this
      // is resolved and commands fail fast): without an offline queue they would fail before it is up.
      const connected = async () => {
        await this.queue.waitUntilReady();
        return call();
      };
      return await withTimeout(connected(), REDIS_TIMEOUT_MS, 'Redis');
    } catch (error) {
      if (isBitextError(error)) throw error;
      this.outage.log(error);
      throw new BitextError('queue_unavailable', 'The job queue cannot be reached; try again shortly.', {
        retryAfter: UNAVAILABLE_RETRY_AFTER_S,
      });
    }
  }
}

function viewOf(job: Job<DigestJobData, DigestResult>, state: string): JobView {
  const id = job.id!;
  switch (state) {
    case 'completed':
      return { id, status: 'done', result: job.returnvalue };
    case 'failed': {
      const error = decodeFailure(job.failedReason);
      return { id, status: error.code === 'cancelled' ? 'cancelled' : 'failed', error };
    }
    case 'active':
      return { id, status: 'running' };
    case 'unknown':
      throw notFound(id);
    default:
      // waiting, prioritized, delayed: no worker has it yet.
      return { id, status: 'queued' };
  }
}

function cancelledView(id: string): JobView {
  return { id, status: 'cancelled', error: CANCELLED };
}

function notFound(id: string): BitextError {
  return new BitextError('not_found', `No digest job ${id} (finished jobs are kept for a while only).`);
}
