import 'server-only';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable Bitext reads, with its default (the README's table mirrors this).
 * Read once per process; relative paths resolve against the working directory.
 */
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** Requests a minute per client address; 0 turns the limit off. */
const perMinute = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const schema = z.object({
  BITEXT_DATA_DIR: z.string().min(1).default('./data'),
  BITEXT_MODELS_DIR: z.string().min(1).default('./models'),
  BITEXT_FIXTURES_DIR: z.string().min(1).default('./fixtures/models'),
  BITEXT_MODEL_PROFILE: z.enum(['default', 'fixtures']).default('default'),
  BITEXT_HUB_URL: z.url().default('https://huggingface.co/'),
  BITEXT_ALLOW_REMOTE_MODELS: flag.default(true),
  BITEXT_ALLOW_PRIVATE_URLS: flag.default(false),
  BITEXT_ALLOW_NONCOMMERCIAL: flag.default(true),
  BITEXT_BROWSER_DEVICE: z.enum(['auto', 'wasm', 'webgpu']).default('auto'),
  BITEXT_JOB_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  BITEXT_JOB_BACKLOG: z.coerce.number().int().min(0).max(10_000).default(20),
  BITEXT_BATCH_SIZE: z.coerce.number().int().min(1).max(256).optional(),
  BITEXT_THREADS: z.coerce.number().int().min(1).max(64).optional(),
  BITEXT_RATE_DIGESTS: perMinute(20),
  BITEXT_RATE_INFERENCE: perMinute(60),
  BITEXT_RATE_EXTRACT: perMinute(20),
  BITEXT_RATE_SHARES: perMinute(10),
  BITEXT_REQUIRE_API_KEY: flag.default(false),
});

export interface ServerEnv {
  dataDir: string;
  /** Where transformers.js looks for local model folders (`<dir>/<org>/<name>/`). */
  modelsDir: string;
  fixturesDir: string;
  profile: 'default' | 'fixtures';
  hubUrl: string;
  allowRemoteModels: boolean;
  /** URL import may fetch private/loopback addresses (tests serve pages on 127.0.0.1). */
  allowPrivateUrls: boolean;
  /** Models whose licence forbids commercial use (NLLB-200, CC-BY-NC-4.0) may serve pairs. */
  allowNonCommercial: boolean;
  /** The browser engine's backend: auto (WebGPU on a real GPU), or always wasm / webgpu (any adapter). */
  browserDevice: 'auto' | 'wasm' | 'webgpu';
  /** Digest jobs that run inference at the same time. */
  jobConcurrency: number;
  /** Jobs that may wait for a slot before new ones get 503 queue_full. */
  jobBacklog: number;
  /** Sentence pieces per generate() call (unset: the pipeline's default, 8). */
  batchSize?: number;
  /** onnxruntime intra-op threads per model (unset: one per core). */
  threads?: number;
  /** Per-client requests a minute: digests, translate/summarize, URL import, share creation. */
  rateLimits: Record<'digests' | 'inference' | 'extract' | 'shares', number>;
  /** The LibreTranslate-compatible API answers only requests with a valid key (`npm run keys`). */
  requireApiKey: boolean;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(e.BITEXT_DATA_DIR),
    modelsDir: path.resolve(e.BITEXT_MODELS_DIR),
    fixturesDir: path.resolve(e.BITEXT_FIXTURES_DIR),
    profile: e.BITEXT_MODEL_PROFILE,
    hubUrl: e.BITEXT_HUB_URL.endsWith('/') ? e.BITEXT_HUB_URL : `${e.BITEXT_HUB_URL}/`,
    // Fixture models are generated locally; never reach for a hub when testing with them.
    allowRemoteModels: e.BITEXT_MODEL_PROFILE === 'fixtures' ? false : e.BITEXT_ALLOW_REMOTE_MODELS,
    allowPrivateUrls: e.BITEXT_ALLOW_PRIVATE_URLS,
    allowNonCommercial: e.BITEXT_ALLOW_NONCOMMERCIAL,
    browserDevice: e.BITEXT_BROWSER_DEVICE,
    jobConcurrency: e.BITEXT_JOB_CONCURRENCY,
    jobBacklog: e.BITEXT_JOB_BACKLOG,
    batchSize: e.BITEXT_BATCH_SIZE,
    threads: e.BITEXT_THREADS,
    rateLimits: {
      digests: e.BITEXT_RATE_DIGESTS,
      inference: e.BITEXT_RATE_INFERENCE,
      extract: e.BITEXT_RATE_EXTRACT,
      shares: e.BITEXT_RATE_SHARES,
    },
    requireApiKey: e.BITEXT_REQUIRE_API_KEY,
  };
}
