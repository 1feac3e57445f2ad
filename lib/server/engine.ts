import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { env as transformersEnv } from '@huggingface/transformers';
import type { PipelineContext } from '@/lib/pipeline/context';
import type { WorkerSettings } from '@/lib/pipeline/protocol';
import { readEnv, type ServerEnv } from './env';

/**
 * The server's entry into lib/pipeline: the one place that sets transformers.js `env` for Node.
 * Idempotent, so every route and the CLI can call it.
 */
let configured: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (!configured) {
    configured = readEnv();
    transformersEnv.localModelPath = localModelsDir();
    transformersEnv.allowLocalModels = true;
    transformersEnv.allowRemoteModels = configured.allowRemoteModels;
    transformersEnv.remoteHost = configured.hubUrl;
    // Downloads are cached under the data dir, never inside node_modules (the library's default).
    transformersEnv.cacheDir = path.join(configured.dataDir, 'hub-cache');
  }
  return configured;
}

export function serverPipelineContext(signal?: AbortSignal): PipelineContext {
  const { profile, batchSize, threads, allowNonCommercial } = serverEnv();
  return {
    profile,
    allowNonCommercial,
    device: 'cpu',
    batchSize,
    threads,
    signal,
    modelHost: { where: 'server' },
  };
}

/** What the browser worker needs: where models come from when it runs the pipeline itself. */
export function workerSettings(): WorkerSettings {
  const env = serverEnv();
  return {
    profile: env.profile,
    localModels: existsSync(localModelsDir()),
    allowRemoteModels: env.allowRemoteModels,
    allowNonCommercial: env.allowNonCommercial,
    device: env.browserDevice,
  };
}

/** The folder /models/… serves from (read-only), matching what the server itself loads. */
export function localModelsDir(): string {
  const env = configured ?? readEnv();
  return env.profile === 'fixtures' ? env.fixturesDir : env.modelsDir;
}
