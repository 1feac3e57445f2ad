/**
 * Messages between the page and the pipeline worker: a discriminated union with request ids, so one
 * worker per tab can serve runs one after another and a late message from a cancelled run is ignored.
 */
import type { Detection } from '@/lib/detect';
import type { WireError } from '@/lib/errors';
import type { ModelProfile } from '@/lib/models/registry';
import type { DigestPartial, DigestPlan, DigestRequest, DigestResult } from './digest';
import type { DevicePreference } from './device';
import type { ProgressEvent } from './events';

/** What the worker needs to know about the server it came from. */
export interface WorkerSettings {
  profile: ModelProfile;
  /** The server has model folders to serve at /models/… (tried before the hub). */
  localModels: boolean;
  allowRemoteModels: boolean;
  /** BITEXT_ALLOW_NONCOMMERCIAL: the browser engine follows the server's licence policy. */
  allowNonCommercial: boolean;
  /** BITEXT_BROWSER_DEVICE (see chooseDevice). */
  device: DevicePreference;
}

export type WorkerRequest =
  | { type: 'run'; id: string; request: DigestRequest; settings: WorkerSettings }
  /** Load (download, the first time) the models a run like this will need; nothing answers it. */
  | { type: 'prepare'; plan: DigestPlan; settings: WorkerSettings }
  | { type: 'cancel'; id: string }
  /** The language of `text`, told here so that the article never leaves the device; answered by `detected`. */
  | { type: 'detect'; id: string; text: string };

export type WorkerResponse =
  | { type: 'progress'; id: string; event: ProgressEvent }
  | { type: 'partial'; id: string; partial: DigestPartial }
  | { type: 'done'; id: string; result: DigestResult }
  | { type: 'error'; id: string; error: WireError }
  | { type: 'detected'; id: string; detection: Detection };

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** GET /api/v1/digests/{id}. */
export interface JobView {
  id: string;
  status: JobStatus;
  result?: DigestResult;
  error?: WireError;
}

/**
 * Next.js drops Content-Length from route handler responses, so /models/… repeats it here; the worker
 * restores it, because transformers.js sizes its download buffers and progress from Content-Length.
 */
export const MODEL_LENGTH_HEADER = 'X-Content-Length';
