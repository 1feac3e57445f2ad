/**
 * Lazy, promise-cached model loading shared by the browser worker and the server. The entry files
 * (server engine, worker) configure transformers.js `env`; this module only loads and caches.
 */
import {
  MarianTokenizer,
  pipeline,
  type PretrainedModelOptions,
  type SummarizationPipeline,
  type TranslationPipeline,
} from '@huggingface/transformers';
import { BitextError } from '@/lib/errors';
import { placementFor, pullLanguages, type ModelSpec, type ModelTask } from '@/lib/models/registry';
import { remedyText, type ModelUnavailableDetails } from '@/lib/models/remedy';
import { processGlobal } from '@/lib/process-global';
import type { PipelineContext } from './context';
import type { ModelProgressEvent } from './events';

export type { Device } from '@/lib/models/registry';
export type TextToTextPipeline = TranslationPipeline | SummarizationPipeline;

/**
 * What loading needs from the pipeline context (unset device: the CPU, onnxruntime-node); `profile` and
 * `modelHost` say what the remedy of a model that cannot be loaded names.
 */
export type LoadContext = Pick<
  PipelineContext,
  'device' | 'shaderF16' | 'threads' | 'onProgress' | 'modelHost'
> &
  Partial<Pick<PipelineContext, 'profile'>>;

interface CacheEntry {
  promise: Promise<TextToTextPipeline>;
  listeners: Set<(event: ModelProgressEvent) => void>;
}

// Per process, so Next.js dev-mode module reloads and several route bundles share one copy of each model.
const cache = processGlobal('models', () => new Map<string, CacheEntry>()).get();

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

/** The model, loaded once per session-defining setting (the promise is cached). */
export function loadModel(spec: ModelSpec, context: LoadContext): Promise<TextToTextPipeline> {
  const { device, dtype } = placementFor(spec, context.device ?? 'cpu', context);
  // Everything that makes a different session is in the key: the same id may be loaded as q8 and fp32.
  const key = [spec.id, device, dtype, context.threads ?? 'auto'].join('|');
  let entry = cache.get(key);
  if (!entry) {
    const listeners = new Set<(event: ModelProgressEvent) => void>();
    const emit = (event: ModelProgressEvent) => listeners.forEach((listener) => listener(event));
    quietFastTokenizerNotice();
    const promise = createPipeline(spec.task, spec.id, {
      dtype,
      device,
      session_options: sessionOptions({ ...context, device }),
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
        listLanguageTokens(loaded);
        emit({ type: 'model', model: spec.id, status: 'ready', loaded: 1, total: 1 });
        listeners.clear();
        return loaded;
      },
      (error: unknown) => {
        // A failed load must not poison the cache: the next request tries again.
        cache.delete(key);
        listeners.clear();
        throw unavailable(spec, spec.sizeMB[dtype], error, context);
      },
    );
    entry = { promise, listeners };
    cache.set(key, entry);
  }
  if (context.onProgress) entry.listeners.add(context.onProgress);
  return entry.promise;
}

/**
 * 3.8.1's MarianTokenizer lists its `>>xx<<` language tokens by testing the vocabulary with a `/g` regex,
 * whose `lastIndex` carries over: every token that follows a match is skipped. Language tokens sit side by
 * side in opus-mt vocabularies, so every other one was missing, and encoding a text that starts with one
 * warned "Unsupported language code" on every call (the id used was the vocabulary's all along). The list
 * is made again here, token by token.
 */
function listLanguageTokens({ tokenizer }: TextToTextPipeline): void {
  if (!(tokenizer instanceof MarianTokenizer)) return;
  const languageToken = new RegExp(tokenizer.languageRegex.source);
  tokenizer.supported_language_codes = tokenizer.model.vocab.filter((piece) => languageToken.test(piece));
}

const FAST_TOKENIZER_NOTICE = 'WARNING: `MarianTokenizer` is not yet supported by Hugging Face\'s "fast"';
let noticeQuieted = false;

/**
 * 3.8.1 prints FAST_TOKENIZER_NOTICE on every Marian load, into the server's log and the reader's console:
 * its Marian tokenizer is its own, not one checked against the "fast" library. Nothing anyone can act on,
 * and not news after the first time; this project tests what that tokenizer does. Held back here on
 * purpose, that line only: every other warning passes.
 */
function quietFastTokenizerNotice(): void {
  if (noticeQuieted) return;
  noticeQuieted = true;
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith(FAST_TOKENIZER_NOTICE)) return;
    warn(...args);
  };
}

/**
 * onnxruntime-node's CPU arena keeps the peak of every session's buffers for good: with a summariser and
 * three translators loaded that was about a fifth of the server's memory, and running without it measured no
 * slower here (`npm run bench -- memory translate`).
 */
function sessionOptions({ device, threads }: LoadContext) {
  return {
    ...(device === 'cpu' ? { enableCpuMemArena: false } : {}),
    ...(threads ? { intraOpNumThreads: threads } : {}),
  };
}

function unavailable(
  spec: ModelSpec,
  sizeMB: number | undefined,
  cause: unknown,
  { profile, modelHost = { where: 'server' } }: LoadContext,
): BitextError {
  const reason = (cause instanceof Error ? cause.message : String(cause)).replace(/\.$/, '');
  const details: ModelUnavailableDetails = {
    model: spec.id,
    sizeMB,
    languages: profile ? pullLanguages(profile, spec) : [],
    ...modelHost,
  };
  return new BitextError(
    'model_unavailable',
    `Model ${spec.id} (~${sizeMB ?? '?'} MB) could not be loaded: ${reason}. To fix: ${remedyText(details)}.`,
    details,
  );
}
