import 'server-only';
import path from 'node:path';
import { env as transformersEnv } from '@huggingface/transformers';
import type { PipelineContext } from '@/lib/pipeline/context';
import { readEnv, type ServerEnv } from './env';

/**
 * The server's entry into lib/pipeline: the one place that sets transformers.js `env` for Node.
 * Idempotent, so every route and the CLI can call it.
 */
let configured: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (!configured) {
    configured = readEnv();
    transformersEnv.localModelPath =
      configured.profile === 'fixtures' ? configured.fixturesDir : configured.modelsDir;
    transformersEnv.allowLocalModels = true;
    transformersEnv.allowRemoteModels = configured.allowRemoteModels;
    transformersEnv.remoteHost = configured.hubUrl;
    // Downloads are cached under the data dir, never inside node_modules (the library's default).
    transformersEnv.cacheDir = path.join(configured.dataDir, 'hub-cache');
  }
  return configured;
}

export function serverPipelineContext(signal?: AbortSignal): PipelineContext {
  const { profile } = serverEnv();
  return {
    profile,
    device: 'cpu',
    signal,
    remedy: (languages) =>
      `run \`npm run models:pull -- ${languages.join(' ')}\` on a connected machine, or set BITEXT_MODELS_DIR to a folder that has the model`,
  };
}
