import 'server-only';
import type { WireError } from '@/lib/errors';
import type { DigestPartial, DigestRequest, DigestResult } from '@/lib/pipeline/digest';
import type { ProgressEvent } from '@/lib/pipeline/events';
import type { JobView } from '@/lib/pipeline/protocol';

/**
 * The job-queue port: what the digest routes see, whichever engine runs the jobs (the in-process queue, or
 * BullMQ on Redis with workers in other processes). Every call is async because the BullMQ adapter talks to
 * Redis; the in-process adapter simply resolves at once.
 */

/** One Server-Sent Event; the name and payload match the worker protocol's messages. */
export type DigestEvent =
  | { event: 'progress'; data: ProgressEvent }
  | { event: 'partial'; data: DigestPartial }
  /** The job stalled (its worker died) and another worker started it again: drop partials shown so far. */
  | { event: 'restarted'; data: Record<string, never> }
  | { event: 'done'; data: DigestResult }
  | { event: 'error'; data: WireError };

export interface DigestQueue {
  /** Which adapter this is, for /api/v1/health. */
  readonly engine: 'in-process' | 'bullmq';
  /** Queue a digest, or answer it from the result cache; `queue_full` beyond the shared backlog. */
  submit(request: DigestRequest): Promise<JobView>;
  /** `job_not_found` for an unknown or expired id. */
  get(id: string): Promise<JobView>;
  /** Queued: never runs. Running: the worker running it aborts. Finished: stays as it is. */
  cancel(id: string): Promise<JobView>;
  /** Replay (latest progress, partials, or the outcome) then live events, until the job ends. */
  events(id: string, signal: AbortSignal): AsyncIterable<DigestEvent>;
  /** Jobs waiting for a worker, counted across every process sharing the queue. */
  backlog(): Promise<number>;
  /** 'down' when the engine cannot be reached (Redis down); the routes answer `queue_unavailable`. */
  status(): Promise<'ok' | 'down'>;
  close(): Promise<void>;
}
