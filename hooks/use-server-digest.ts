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
  /** The job's worker died and another started it over: the partials so far are void, more will come. */
  onRestarted?: () => void;
  /** The server took the job (as `id`): a reload can follow it again (`attach`). */
  onAccepted?: (id: string) => void;
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
 * rejects with a WireError (`cancelled` after `cancel()`). Leaving the page only stops following the job:
 * it runs on, so that the page, reloaded or remounted in another UI language, can `attach` to it again.
 */
export function useServerDigest() {
  const active = useRef<ServerRun | null>(null);

  const detach = useCallback(() => {
    active.current?.controller.abort();
    active.current = null;
  }, []);

  const cancel = useCallback(() => {
    const current = active.current;
    if (!current) return;
    active.current = null;
    current.controller.abort();
    // Not accepted yet: runOnServer deletes the job once the server names it.
    if (current.id) deleteJob(current.id);
  }, []);

  useEffect(() => detach, [detach]);

  /** Runs `work` as the one active server run; rejects with a WireError, `cancelled` once aborted. */
  const track = useCallback(
    async (work: (current: ServerRun) => Promise<DigestResult>, id?: string): Promise<DigestResult> => {
      cancel();
      const current: ServerRun = { controller: new AbortController(), id };
      active.current = current;
      try {
        return await work(current);
      } catch (error) {
        throw current.controller.signal.aborted ? CANCELLED : toWireError(error);
      } finally {
        if (active.current === current) active.current = null;
      }
    },
    [cancel],
  );

  const run = useCallback(
    (request: DigestRequest, handlers: DigestHandlers = {}) =>
      track((current) => runOnServer(request, handlers, current)),
    [track],
  );

  /** Follows job `id`, started by an earlier page: its events so far, then the rest. */
  const attach = useCallback(
    (id: string, handlers: DigestHandlers = {}) =>
      track(async (current) => followJob(id, handlers, current.controller.signal, await schemas()), id),
    [track],
  );

  return useMemo(() => ({ run, attach, cancel }), [run, attach, cancel]);
}

// The API's own schemas, loaded on the first server run rather than with the page (they bring zod).
function schemas() {
  return import('@/lib/schemas/responses');
}

async function runOnServer(request: DigestRequest, handlers: DigestHandlers, run: ServerRun) {
  const { signal } = run.controller;
  const [{ digestRequest }, answers] = await Promise.all([import('@/lib/schemas/api'), schemas()]);
  const body = digestRequest.safeParse(request);
  if (!body.success) throw invalidRequest(body.error.issues);

  // Not aborted with the run: a Cancel pressed before the answer must still learn the job's id, to delete it
  // rather than leave it holding the server's queue.
  const response = await fetch(DIGESTS, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body.data),
  });
  if (!response.ok) throw await responseError(response);
  const accepted = answers.parseAnswer(answers.jobResponse, await response.json());
  run.id = accepted.id;
  if (signal.aborted) {
    if (accepted.status !== 'done') deleteJob(accepted.id);
    throw CANCELLED;
  }
  // Answered from the server's cache: nothing to follow.
  if (accepted.status === 'done' && accepted.result) return accepted.result;
  handlers.onAccepted?.(accepted.id);
  return followJob(accepted.id, handlers, signal, answers);
}

/**
 * Follows job `id` to its result. The stream can drop (a proxy's idle timeout, a laptop waking up) while the
 * job runs on: look the job up and follow it again.
 */
async function followJob(id: string, handlers: DigestHandlers, signal: AbortSignal, answers: Answers) {
  for (let attempt = 0; attempt <= MAX_RECONNECTS; attempt++) {
    const result = await followEvents(id, handlers, signal, answers);
    if (result) return result;
    const job = await getJob(id, signal, answers);
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
      case 'restarted':
        handlers.onRestarted?.();
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

function deleteJob(id: string): void {
  // keepalive: the DELETE must go out even when cancel runs because the page is closing.
  void fetch(`${DIGESTS}/${id}`, { method: 'DELETE', keepalive: true }).catch(() => undefined);
}
