'use client';

import { useCallback, useEffect, useMemo, useRef } from 'react';

import { CANCELLED, toWireError, type WireError } from '@/lib/errors';
import type { DigestPartial, DigestRequest, DigestResult } from '@/lib/pipeline/digest';
import type { ProgressEvent } from '@/lib/pipeline/events';
import { readEventStream } from './event-stream';
import { invalidRequest, responseError } from './wire-error';

export interface DigestHandlers {
  onProgress?: (event: ProgressEvent) => void;
  onPartial?: (partial: DigestPartial) => void;
}

const DIGESTS = '/api/v1/digests';

type Answers = typeof import('@/lib/schemas/responses');
/** How often to reattach to a job whose event stream dropped before it finished. */
const MAX_RECONNECTS = 3;

interface ServerRun {
  controller: AbortController;
  /** Known once the server has accepted the job. */
  id?: string;
}

/**
 * The server engine behind the same contract as usePipelineWorker: `run` resolves with the result or
 * rejects with a WireError (`cancelled` after `cancel()`). Leaving the page cancels the job, so an
 * abandoned run does not hold the server's queue.
 */
export function useServerDigest() {
  const active = useRef<ServerRun | null>(null);

  const cancel = useCallback(() => {
    const current = active.current;
    if (!current) return;
    active.current = null;
    current.controller.abort();
    if (current.id) {
      // keepalive: the DELETE must go out even when cancel runs because the page is closing.
      void fetch(`${DIGESTS}/${current.id}`, { method: 'DELETE', keepalive: true }).catch(() => undefined);
    }
  }, []);

  useEffect(() => cancel, [cancel]);

  const run = useCallback(
    async (request: DigestRequest, handlers: DigestHandlers = {}): Promise<DigestResult> => {
      cancel();
      const current: ServerRun = { controller: new AbortController() };
      active.current = current;
      try {
        return await runOnServer(request, handlers, current);
      } catch (error) {
        throw current.controller.signal.aborted ? CANCELLED : toWireError(error);
      } finally {
        if (active.current === current) active.current = null;
      }
    },
    [cancel],
  );

  return useMemo(() => ({ run, cancel }), [run, cancel]);
}

async function runOnServer(request: DigestRequest, handlers: DigestHandlers, run: ServerRun) {
  const { signal } = run.controller;
  // The API's own schemas, loaded on the first server run rather than with the page (they bring zod).
  const [{ digestRequest }, answers] = await Promise.all([
    import('@/lib/schemas/api'),
    import('@/lib/schemas/responses'),
  ]);
  const body = digestRequest.safeParse(request);
  if (!body.success) throw invalidRequest(body.error.issues);

  const response = await fetch(DIGESTS, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body.data),
    signal,
  });
  if (!response.ok) throw await responseError(response);
  const accepted = answers.parseAnswer(answers.jobResponse, await response.json());
  run.id = accepted.id;
  // Answered from the server's cache: nothing to follow.
  if (accepted.status === 'done' && accepted.result) return accepted.result;

  // The stream can drop (a proxy's idle timeout, a laptop waking up) while the job runs on: look the job up
  // and follow it again.
  for (let attempt = 0; attempt <= MAX_RECONNECTS; attempt++) {
    const result = await followEvents(run.id, handlers, signal, answers);
    if (result) return result;
    const job = await getJob(run.id, signal, answers);
    if (job.status === 'done' && job.result) return job.result;
    if (job.status === 'cancelled') throw CANCELLED;
    if (job.error) throw job.error;
  }
  throw { code: 'internal', message: 'Lost the connection to the server.' } satisfies WireError;
}

/** Follows the job's events until `done` (its result), `error` (thrown), or the stream ends (undefined). */
async function followEvents(
  id: string,
  handlers: DigestHandlers,
  signal: AbortSignal,
  { parseAnswer, progressEvent, digestPartial, digestResult }: Answers,
): Promise<DigestResult | undefined> {
  const response = await fetch(`${DIGESTS}/${id}/events`, {
    headers: { accept: 'text/event-stream' },
    signal,
  });
  if (!response.ok || !response.body) throw await responseError(response);
  for await (const { event, data } of readEventStream(response.body)) {
    const payload: unknown = JSON.parse(data);
    switch (event) {
      case 'progress':
        handlers.onProgress?.(parseAnswer(progressEvent, payload));
        break;
      case 'partial':
        handlers.onPartial?.(parseAnswer(digestPartial, payload));
        break;
      case 'done':
        return parseAnswer(digestResult, payload);
      case 'error':
        throw toWireError(payload);
      default:
      // Event names added later are not ours to interpret.
    }
  }
  return undefined;
}

async function getJob(id: string, signal: AbortSignal, { parseAnswer, jobResponse }: Answers) {
  const response = await fetch(`${DIGESTS}/${id}`, { signal });
  if (!response.ok) throw await responseError(response);
  return parseAnswer(jobResponse, await response.json());
}
