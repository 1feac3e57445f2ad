import 'server-only';
import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { BitextError, CANCELLED, toWireError, type WireError } from '@/lib/errors';
import type { PipelineContext } from '@/lib/pipeline/context';
import { digest, type DigestPartial, type DigestRequest, type DigestResult } from '@/lib/pipeline/digest';
import type { ProgressEvent } from '@/lib/pipeline/events';
import type { JobStatus, JobView } from '@/lib/pipeline/protocol';
import type { ResultCache } from '@/lib/store/results';
import { Channel } from './channel';
import type { DigestEvent, DigestQueue } from './port';
import { cacheDigest, cacheKeyOf, readCachedDigest } from './results';

/**
 * The in-process adapter of the job-queue port (no BITEXT_REDIS_URL): jobs run in this process with
 * bounded concurrency (inference is CPU-bound, so running more at once only makes each slower) and a bounded
 * backlog, results answered from the cache when the same digest was made before, and progress fanned out to
 * any number of listeners.
 */

export interface InProcessQueueOptions {
  /** Jobs running inference at the same time. */
  concurrency: number;
  /** Jobs that may wait for a slot; one more is refused with `queue_full`. */
  backlog: number;
  /** The pipeline context every run starts from; each run adds its own abort signal and progress. */
  context: PipelineContext;
  /** Without one, every request runs. */
  cache?: ResultCache;
  /** How long a finished job can still be read, and how many are kept at most. */
  keepFinishedMs?: number;
  keepFinishedCount?: number;
}

interface Job {
  id: string;
  status: JobStatus;
  /** Dropped when the job finishes: only a run needs the text. */
  request?: DigestRequest;
  cacheKey?: string;
  /** What a listener who connects late is told first (partials are also in the final result). */
  partials: DigestPartial[];
  lastProgress?: ProgressEvent;
  result?: DigestResult;
  error?: WireError;
  controller: AbortController;
  listeners: Set<(event: DigestEvent) => void>;
  finishedAt?: number;
}

/** Retry-After before any job has finished to measure by. */
const DEFAULT_RETRY_AFTER_S = 10;

export class InProcessQueue implements DigestQueue {
  readonly engine = 'in-process';
  /** Queued and running jobs. */
  private readonly active = new Map<string, Job>();
  /** Finished jobs, readable for a while; the least recently used go first beyond the count. */
  private readonly finished: LRUCache<string, Job>;
  private readonly waiting: Job[] = [];
  private running = 0;
  private averageRunMs?: number;
  private readonly idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: InProcessQueueOptions) {
    this.finished = new LRUCache({
      max: options.keepFinishedCount ?? 500,
      ttl: options.keepFinishedMs ?? 60 * 60_000,
    });
  }

  /** Queue a digest, or answer it from the cache at once; `queue_full` when the backlog is full. */
  async submit(request: DigestRequest): Promise<JobView> {
    if (this.closed) {
      throw new BitextError('queue_full', 'The server is shutting down; try again shortly.', {
        retryAfter: 5,
      });
    }
    const job = this.createJob({ ...request, targets: [...new Set(request.targets)] });
    // Looked up before the backlog check: a cached digest costs nothing, so a busy server still answers it.
    const cached = await readCachedDigest(this.options.cache, job.cacheKey);
    if (cached) {
      this.finish(job, { status: 'done', result: cached });
      return view(job);
    }
    if (this.running >= this.options.concurrency && this.waiting.length >= this.options.backlog) {
      throw new BitextError('queue_full', 'The server is busy with other digests; try again shortly.', {
        retryAfter: this.retryAfterSeconds(),
      });
    }
    this.active.set(job.id, job);
    this.waiting.push(job);
    this.startWaiting();
    return view(job);
  }

  async get(id: string): Promise<JobView> {
    return view(this.require(id));
  }

  /** Queued: never runs. Running: aborts the pipeline. Finished: stays as it is. */
  async cancel(id: string): Promise<JobView> {
    return this.cancelNow(id);
  }

  async *events(id: string, signal: AbortSignal): AsyncIterable<DigestEvent> {
    const channel = new Channel<DigestEvent>(signal);
    const unwatch = this.watch(id, (event) => {
      channel.push(event);
      if (event.event === 'done' || event.event === 'error') channel.end();
    });
    try {
      yield* channel;
    } finally {
      unwatch();
    }
  }

  async backlog(): Promise<number> {
    return this.waiting.length;
  }

  /** Nothing outside this process to lose. */
  async status(): Promise<'ok' | 'down'> {
    return 'ok';
  }

  async close(): Promise<void> {
    this.shutdown();
    await this.idle();
  }

  private cancelNow(id: string): JobView {
    const job = this.require(id);
    if (job.status === 'queued' || job.status === 'running') {
      const index = this.waiting.indexOf(job);
      if (index >= 0) this.waiting.splice(index, 1);
      job.controller.abort();
      this.finish(job, { status: 'cancelled', error: CANCELLED });
    }
    return view(job);
  }

  /**
   * Calls `listener` with what already happened (the partials so far and the latest progress, or the
   * outcome), then with each new event until the job ends. Returns a function that stops listening.
   */
  watch(id: string, listener: (event: DigestEvent) => void): () => void {
    const job = this.require(id);
    for (const event of history(job)) listener(event);
    if (job.finishedAt === undefined) job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  /** Graceful shutdown: refuse new jobs and cancel queued and running ones (their clients hear `cancelled`). */
  shutdown(): void {
    this.closed = true;
    for (const job of [...this.active.values()]) this.cancelNow(job.id);
  }

  /** Resolves once no job is running or waiting (tests and graceful shutdown). */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private createJob(request: DigestRequest): Job {
    return {
      id: randomUUID(),
      status: 'queued',
      request,
      cacheKey: this.options.cache ? cacheKeyOf(request, this.options.context) : undefined,
      partials: [],
      controller: new AbortController(),
      listeners: new Set(),
    };
  }

  private startWaiting(): void {
    while (this.running < this.options.concurrency) {
      const job = this.waiting.shift();
      if (!job) break;
      void this.run(job);
    }
    if (this.running === 0 && this.waiting.length === 0) {
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  private async run(job: Job): Promise<void> {
    this.running++;
    job.status = 'running';
    const started = Date.now();
    try {
      const context: PipelineContext = {
        ...this.options.context,
        signal: job.controller.signal,
        onProgress: (event) => this.progress(job, event),
      };
      const result = await digest(job.request!, context, (partial) => this.partial(job, partial));
      // Cancelled while the last step finished: the client was already told.
      if (job.status !== 'running') return;
      this.measure(Date.now() - started);
      this.finish(job, { status: 'done', result });
      await cacheDigest(this.options.cache, job.cacheKey, result);
    } catch (error) {
      if (job.status === 'running') this.finish(job, { status: 'failed', error: toWireError(error) });
    } finally {
      // The slot frees only now: a cancelled run still holds the CPU until its current batch stops.
      this.running--;
      this.startWaiting();
    }
  }

  private progress(job: Job, event: ProgressEvent): void {
    if (job.status !== 'running') return;
    job.lastProgress = event;
    emit(job, { event: 'progress', data: event });
  }

  private partial(job: Job, partial: DigestPartial): void {
    if (job.status !== 'running') return;
    job.partials.push(partial);
    emit(job, { event: 'partial', data: partial });
  }

  private finish(
    job: Job,
    outcome: { status: 'done'; result: DigestResult } | { status: 'failed' | 'cancelled'; error: WireError },
  ): void {
    job.status = outcome.status;
    if (outcome.status === 'done') job.result = outcome.result;
    else job.error = outcome.error;
    job.finishedAt = Date.now();
    this.active.delete(job.id);
    this.finished.set(job.id, job);
    job.request = undefined;
    job.partials = [];
    job.lastProgress = undefined;
    for (const event of history(job)) emit(job, event);
    job.listeners.clear();
  }

  private require(id: string): Job {
    const job = this.active.get(id) ?? this.finished.get(id);
    if (!job)
      throw new BitextError('not_found', `No digest job ${id} (finished jobs are kept for a while only).`);
    return job;
  }

  /** Completed runs only: a cancelled or failed one says little about how long the next will take. */
  private measure(ms: number): void {
    // A moving average: recent jobs say more about the models now loaded than the first cold start.
    this.averageRunMs = this.averageRunMs === undefined ? ms : 0.8 * this.averageRunMs + 0.2 * ms;
  }

  /** About when a slot frees: one average job spread over the slots. */
  private retryAfterSeconds(): number {
    if (this.averageRunMs === undefined) return DEFAULT_RETRY_AFTER_S;
    return Math.max(1, Math.ceil(this.averageRunMs / this.options.concurrency / 1000));
  }
}

function view(job: Job): JobView {
  return {
    id: job.id,
    status: job.status,
    ...(job.result && { result: job.result }),
    ...(job.error && { error: job.error }),
  };
}

/** What a new listener is told first. */
function history(job: Job): DigestEvent[] {
  switch (job.status) {
    case 'done':
      return [{ event: 'done', data: job.result! }];
    case 'failed':
    case 'cancelled':
      return [{ event: 'error', data: job.error! }];
    case 'queued':
    case 'running':
      return [
        ...job.partials.map((partial): DigestEvent => ({ event: 'partial', data: partial })),
        ...(job.lastProgress ? [{ event: 'progress' as const, data: job.lastProgress }] : []),
      ];
    default:
      return job.status satisfies never;
  }
}

function emit(job: Job, event: DigestEvent): void {
  for (const listener of job.listeners) listener(event);
}
