import 'server-only';
import { isWireError, type WireError } from '@/lib/errors';
import type { DigestPartial, DigestRequest } from '@/lib/pipeline/digest';
import type { ProgressEvent } from '@/lib/pipeline/events';

/**
 * What the web processes (lib/queue/bullmq.ts) and the workers (lib/queue/bullmq-worker.ts) agree on: the
 * queue's name, what a job carries, how progress and partials travel, and how a cancel is said.
 */

export const QUEUE_NAME = 'digests';

/** Finished jobs (and cancel marks) are kept this long, so a client can still read the outcome. */
export const KEEP_FINISHED_S = 60 * 60;

export interface DigestJobData {
  request: DigestRequest;
  /** Worked out in the web process (it needs no model); absent when the language cannot be told. */
  cacheKey?: string;
}

/**
 * What `job.updateProgress` carries: always the latest progress event (a late listener reads it from the
 * job), and a partial when one was just made. `attempt` is the job's attemptsStarted: a higher one than a
 * listener has shown means another worker started the job again.
 */
export interface JobProgress {
  attempt: number;
  progress?: ProgressEvent;
  partial?: { seq: number; data: DigestPartial };
}

/** One `job.log` line: the partials of an attempt, replayed to a late listener. */
export interface PartialLog {
  attempt: number;
  seq: number;
  partial: DigestPartial;
}

/** Published by any web process; every worker's QueueEvents hears it and the one running the job aborts it. */
export const CANCEL_EVENT = 'digest-cancel';

/** Set when a job is cancelled: a worker that takes it anyway does not run it, and reads say cancelled. */
export function cancelKey(id: string): string {
  return `bitext:digest-cancelled:${id}`;
}

/** A job's failedReason is the WireError as JSON, so every web process reads the same code back. */
export function encodeFailure(error: WireError): string {
  return JSON.stringify(error);
}

export function decodeFailure(failedReason: string | undefined): WireError {
  try {
    const parsed: unknown = JSON.parse(failedReason ?? '');
    if (isWireError(parsed)) return parsed;
  } catch {
    // Not ours (BullMQ's own reasons, e.g. a job stalled too often): reported as internal below.
  }
  return { code: 'internal', message: failedReason || 'The digest failed on a worker.' };
}
