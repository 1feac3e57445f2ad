/**
 * Lazy, promise-cached model loading shared by the browser worker and the server. The entry files
 * (server engine, worker) configure transformers.js `env`; this module only loads and caches.
 */
import {
  pipeline,
  type PretrainedModelOptions,
  type SummarizationPipeline,
  type TranslationPipeline,
} from '@huggingface/transformers';
import { BitextError } from '@/lib/errors';
import { pullLanguages, type ModelProfile, type ModelSpec, type ModelTask } from '@/lib/models/registry';
import { remedyText, type ModelHost, type ModelUnavailableDetails } from '@/lib/models/remedy';
import type { ModelProgressEvent } from './events';

export type Device = 'cpu' | 'wasm' | 'webgpu';
export type TextToTextPipeline = TranslationPipeline | SummarizationPipeline;

export interface LoadOptions {
  device?: Device;
  /**
   * onnxruntime's intra-op threads per session (Node; the browser sets wasm threads globally instead).
   * Unset: the runtime's default, one per core.
   */
  threads?: number;
  onProgress?: (event: ModelProgressEvent) => void;
  /** What the remedy of a model that cannot be loaded names: the pull that fetches it, and for where. */
  profile?: ModelProfile;
  modelHost?: ModelHost;
}

interface CacheEntry {
  promise: Promise<TextToTextPipeline>;
  listeners: Set<(event: ModelProgressEvent) => void>;
}

// On globalThis so Next.js dev-mode module reloads and several route bundles share one copy of each model.
const cacheKey = Symbol.for('bitext.models');
const store = globalThis as typeof globalThis & { [cacheKey]?: Map<string, CacheEntry> };
const cache = (store[cacheKey] ??= new Map());

// pipeline()'s per-task overloads make TypeScript give up on a union task ("union type too complex").
const createPipeline = pipeline as unknown as (
  task: ModelTask,
  model: string,
  options: PretrainedModelOptions,
) => Promise<TextToTextPipeline>;

interface TransformersProgress {
  status: string;
  file?: string;
  loaded?: number;
  total?: number;
}

export function loadModel(spec: ModelSpec, options: LoadOptions = {}): Promise<TextToTextPipeline> {
  // Everything that makes a different session is in the key: the same id may be loaded as q8 and fp32.
  const { encoder_model, decoder_model_merged } = spec.dtype;
  const key = [
    spec.id,
    options.device ?? 'auto',
    encoder_model,
    decoder_model_merged,
    options.threads ?? 'auto',
  ].join('|');
  let entry = cache.get(key);
  if (!entry) {
    const listeners = new Set<(event: ModelProgressEvent) => void>();
    const emit = (event: ModelProgressEvent) => listeners.forEach((listener) => listener(event));
    const promise = createPipeline(spec.task, spec.id, {
      dtype: spec.dtype,
      device: options.device,
      session_options: sessionOptions(options),
      progress_callback: (info: TransformersProgress) => {
        if (info.status === 'progress' && info.file) {
          emit({
            type: 'model',
            model: spec.id,
            file: info.file,
            status: 'download',
            loaded: info.loaded ?? 0,
            total: info.total ?? 0,
          });
        }
      },
    }).then(
      (loaded) => {
        emit({ type: 'model', model: spec.id, status: 'ready', loaded: 1, total: 1 });
        listeners.clear();
        return loaded;
      },
      (error: unknown) => {
        // A failed load must not poison the cache: the next request tries again.
        cache.delete(key);
        listeners.clear();
        throw unavailable(spec, error, options);
      },
    );
    entry = { promise, listeners };
    cache.set(key, entry);
  }
  if (options.onProgress) entry.listeners.add(options.onProgress);
  return entry.promise;
}

/**
 * onnxruntime-node's CPU arena keeps the peak of every session's buffers for good: with a summariser and
 * three translators loaded that was about a fifth of the server's memory, and running without it measured no
 * slower here (`npm run bench -- memory translate`).
 */
function sessionOptions({ device, threads }: LoadOptions) {
  return {
    ...(device === 'cpu' ? { enableCpuMemArena: false } : {}),
    ...(threads ? { intraOpNumThreads: threads } : {}),
  };
}

function unavailable(
  spec: ModelSpec,
  cause: unknown,
  { profile, modelHost = { where: 'server' } }: LoadOptions,
): BitextError {
  const reason = (cause instanceof Error ? cause.message : String(cause)).replace(/\.$/, '');
  const details: ModelUnavailableDetails = {
    model: spec.id,
    sizeMB: spec.sizeMB,
    languages: profile ? pullLanguages(profile, spec) : [],
    ...modelHost,
  };
  return new BitextError(
    'model_unavailable',
    `Model ${spec.id} (~${spec.sizeMB} MB) could not be loaded: ${reason}. To fix: ${remedyText(details)}.`,
    details,
  );
}
