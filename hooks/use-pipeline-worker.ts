/**
 * The browser engine as a hook: the only code that knows a Worker exists. One worker per tab, made on the
 * first run and kept, so models loaded for one run (and by one component) serve the next.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Detection } from '@/lib/detect';
import type { DigestPartial, DigestPlan, DigestRequest, DigestResult } from '@/lib/pipeline/digest';
import type { ProgressEvent } from '@/lib/pipeline/events';
import { CANCELLED, type WireError } from '@/lib/errors';
import type { WorkerRequest, WorkerResponse, WorkerSettings } from '@/lib/pipeline/protocol';

export interface WorkerRunHandlers {
  onProgress?: (event: ProgressEvent) => void;
  onPartial?: (partial: DigestPartial) => void;
}

interface PendingRun {
  handlers: WorkerRunHandlers;
  resolve: (result: DigestResult) => void;
  reject: (error: WireError) => void;
}

// Module state, not component state: one worker per tab whoever runs it.
let worker: Worker | undefined;
let lastId = 0;
const pending = new Map<string, PendingRun>();
const detections = new Map<string, Pick<PendingRun, 'reject'> & { resolve: (d: Detection) => void }>();

export function usePipelineWorker(): {
  /** Runs in the worker; rejects with a WireError. Starting a run cancels this component's previous one. */
  run(request: DigestRequest, settings: WorkerSettings, handlers?: WorkerRunHandlers): Promise<DigestResult>;
  /** Cancels the current run; its promise rejects with code `cancelled`. */
  cancel(): void;
  /** Starts loading the models such a run will need (see prepareDigest). */
  prepare(plan: DigestPlan, settings: WorkerSettings): void;
} {
  const current = useRef<string | undefined>(undefined);

  const cancel = useCallback(() => {
    if (current.current) cancelRun(current.current);
    current.current = undefined;
  }, []);

  const run = useCallback(
    (request: DigestRequest, settings: WorkerSettings, handlers: WorkerRunHandlers = {}) => {
      cancel();
      const id = String(++lastId);
      current.current = id;
      return startRun(id, request, settings, handlers).finally(() => {
        if (current.current === id) current.current = undefined;
      });
    },
    [cancel],
  );

  // A component that goes away takes its run with it; the worker and its models stay for the next one.
  useEffect(() => cancel, [cancel]);

  return useMemo(() => ({ run, cancel, prepare }), [run, cancel]);
}

function prepare(plan: DigestPlan, settings: WorkerSettings): void {
  try {
    post({ type: 'prepare', plan, settings });
  } catch {
    // No worker here (a policy forbids it): the run will say so.
  }
}

/** The language of `text`, told by the worker: the text stays on this device. Rejects with a WireError. */
export function detectInBrowser(text: string): Promise<Detection> {
  return new Promise((resolve, reject) => {
    const id = String(++lastId);
    detections.set(id, { resolve, reject });
    try {
      post({ type: 'detect', id, text });
    } catch (error) {
      detections.delete(id);
      reject(engineError(`The browser engine could not start: ${String(error)}`));
    }
  });
}

function startRun(
  id: string,
  request: DigestRequest,
  settings: WorkerSettings,
  handlers: WorkerRunHandlers,
): Promise<DigestResult> {
  return new Promise((resolve, reject) => {
    pending.set(id, { handlers, resolve, reject });
    try {
      post({ type: 'run', id, request, settings });
    } catch (error) {
      // The worker could not be made (say, a policy forbids it) or the request could not be sent.
      pending.delete(id);
      reject(engineError(`The browser engine could not start: ${String(error)}`));
    }
  });
}

function cancelRun(id: string): void {
  const run = pending.get(id);
  if (!run) return;
  // Answer at once; whatever the worker still sends for this id is ignored.
  pending.delete(id);
  worker?.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
  run.reject(CANCELLED);
}

function post(message: WorkerRequest): void {
  worker ??= createWorker();
  worker.postMessage(message);
}

function createWorker(): Worker {
  const created = new Worker(new URL('../workers/pipeline.worker.ts', import.meta.url), { type: 'module' });
  created.addEventListener('message', (event: MessageEvent<WorkerResponse>) => deliver(event.data));
  created.addEventListener('error', (event) => {
    // An uncaught error or a script that failed to load: this worker is done; the next run gets a new one.
    created.terminate();
    if (worker === created) worker = undefined;
    const reason = event instanceof ErrorEvent && event.message ? ` (${event.message})` : '';
    const error = engineError(`The browser engine crashed${reason}. Run again, or use the Server engine.`);
    for (const waiting of [pending, detections]) {
      for (const [id, run] of waiting) {
        waiting.delete(id);
        run.reject(error);
      }
    }
  });
  return created;
}

function deliver(msg: WorkerResponse): void {
  if (msg.type === 'detected') {
    detections.get(msg.id)?.resolve(msg.detection);
    detections.delete(msg.id);
    return;
  }
  const run = pending.get(msg.id);
  if (!run) return;
  switch (msg.type) {
    case 'progress':
      run.handlers.onProgress?.(msg.event);
      break;
    case 'partial':
      run.handlers.onPartial?.(msg.partial);
      break;
    case 'done':
      pending.delete(msg.id);
      run.resolve(msg.result);
      break;
    case 'error':
      pending.delete(msg.id);
      run.reject(msg.error);
      break;
    default:
      msg satisfies never;
  }
}

function engineError(message: string): WireError {
  return { code: 'internal', message };
}
