/**
 * The browser engine: runs lib/pipeline with transformers.js's web build, off the main thread. Thin on
 * purpose — message in, digest(), messages out. The one place that sets transformers.js `env` in a browser.
 */
import { env } from '@huggingface/transformers';
import { detectLanguage } from '@/lib/detect';
import { CANCELLED, toWireError } from '@/lib/errors';
import { digest, prepareDigest, type DigestRequest } from '@/lib/pipeline/digest';
import type { PipelineContext } from '@/lib/pipeline/context';
import { chooseDevice, type DeviceChoice, type DevicePreference } from '@/lib/pipeline/device';
import { wasmThreads } from '@/lib/pipeline/threads';
import {
  MODEL_LENGTH_HEADER,
  type WorkerRequest,
  type WorkerResponse,
  type WorkerSettings,
} from '@/lib/pipeline/protocol';

declare const self: DedicatedWorkerGlobalScope;

/**
 * Restores Content-Length on /models/… responses from MODEL_LENGTH_HEADER (see protocol.ts): without it
 * every file reports a download total of 0 and its buffer is regrown chunk by chunk. Only our own origin's
 * responses are touched.
 */
const originalFetch = self.fetch.bind(self);
self.fetch = async (input, init) => {
  const response = await originalFetch(input, init);
  const length = response.headers.get(MODEL_LENGTH_HEADER);
  if (length === null || response.headers.has('content-length')) return response;
  if (new URL(response.url).origin !== self.location.origin) return response;
  const headers = new Headers(response.headers);
  headers.set('content-length', length);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
};

const runs = new Map<string, AbortController>();
// One ONNX runtime serves every run: a new run waits for the one before it (cancelled ones end quickly).
let queue: Promise<void> = Promise.resolve();
let configured = false;
let device: Promise<DeviceChoice> | undefined;

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'run': {
      const controller = new AbortController();
      runs.set(msg.id, controller);
      queue = queue
        .then(() => run(msg.id, msg.request, msg.settings, controller.signal))
        // run() answers every failure itself; whatever escapes is a bug. Crash loudly (the hook then rejects
        // the run and starts a fresh worker) rather than leave this run and every later one waiting.
        .catch((error: unknown) => self.reportError(error));
      break;
    }
    case 'prepare':
      // Not queued behind a running digest: loading is what lets the next run start at once, and a run
      // that needs the same models waits on the same promises.
      void contextFor(msg.settings).then((context) => prepareDigest(msg.plan, context));
      break;
    case 'cancel':
      runs.get(msg.id)?.abort();
      break;
    case 'detect':
      // Not queued: it needs no model, and the reader is waiting for the badge.
      self.postMessage({
        type: 'detected',
        id: msg.id,
        detection: detectLanguage(msg.text),
      } satisfies WorkerResponse);
      break;
    default:
      msg satisfies never;
  }
});

async function run(
  id: string,
  request: DigestRequest,
  settings: WorkerSettings,
  signal: AbortSignal,
): Promise<void> {
  const post = (message: WorkerResponse) => self.postMessage(message);
  try {
    // Cancelled while waiting for the run before it.
    if (signal.aborted) throw signal.reason;
    const result = await digest(
      request,
      {
        ...(await contextFor(settings)),
        signal,
        onProgress: (progress) => post({ type: 'progress', id, event: progress }),
      },
      (partial) => post({ type: 'partial', id, partial }),
    );
    post({ type: 'done', id, result });
  } catch (error) {
    post({ type: 'error', id, error: signal.aborted ? CANCELLED : toWireError(error) });
  } finally {
    runs.delete(id);
  }
}

/**
 * What runs and preparations share. Where models come from must be the same for both: a model load that a
 * preparation started and a run then joins fails with the remedy of whoever started it.
 */
async function contextFor(settings: WorkerSettings): Promise<PipelineContext> {
  configure(settings);
  return {
    profile: settings.profile,
    allowNonCommercial: settings.allowNonCommercial,
    // The device, and whether its fp16 shaders work: together they decide each model's dtype.
    ...(await (device ??= pickDevice(settings.device))),
    modelHost: { where: 'browser', hub: settings.allowRemoteModels },
  };
}

/** Once per worker: models already loaded keep the settings they were loaded with. */
function configure(settings: WorkerSettings): void {
  if (configured) return;
  configured = true;
  env.allowLocalModels = settings.localModels;
  env.localModelPath = '/models/';
  env.allowRemoteModels = settings.allowRemoteModels;
  // Downloaded models survive reloads in the Cache API; the runtime comes from our origin, never a CDN.
  env.useBrowserCache = true;
  const wasm = env.backends.onnx.wasm;
  if (!wasm) return;
  wasm.wasmPaths = '/ort/';
  wasm.numThreads = wasmThreads(self.crossOriginIsolated, navigator.hardwareConcurrency);
}

// TypeScript's DOM library does not describe WebGPU yet; this is the little we read.
interface Gpu {
  requestAdapter(): Promise<{ info?: { isFallbackAdapter?: boolean }; features: ReadonlySet<string> } | null>;
}

/** Reads this browser's WebGPU adapter, if any, and lets chooseDevice decide. */
async function pickDevice(preference: DevicePreference): Promise<DeviceChoice> {
  const gpu = (navigator as Navigator & { gpu?: Gpu }).gpu;
  try {
    const adapter = preference === 'wasm' ? null : await gpu?.requestAdapter();
    const facts = adapter
      ? {
          isFallbackAdapter: Boolean(adapter.info?.isFallbackAdapter),
          shaderF16: adapter.features.has('shader-f16'),
        }
      : undefined;
    return chooseDevice(preference, facts);
  } catch {
    return chooseDevice(preference, undefined);
  }
}
