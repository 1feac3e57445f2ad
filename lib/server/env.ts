import 'server-only';
import path from 'node:path';
import { parseEnv } from '@/lib/env';

/**
 * The server's settings, from the environment (the variables and their defaults are in lib/env.ts, and the
 * README's table mirrors them). Read once per process; relative paths resolve against the working directory.
 */
export function readEnv(source: Record<string, string | undefined> = process.env) {
  const e = parseEnv(source);
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
    /** Per-client requests a minute: digests, translate/summarize, URL import, share creation. */
    rateLimits: {
      digests: e.BITEXT_RATE_DIGESTS,
      inference: e.BITEXT_RATE_INFERENCE,
      extract: e.BITEXT_RATE_EXTRACT,
      shares: e.BITEXT_RATE_SHARES,
    },
    requireApiKey: e.BITEXT_REQUIRE_API_KEY,
    databaseUrl: e.BITEXT_DATABASE_URL,
    redisUrl: e.BITEXT_REDIS_URL,
    workerConcurrency: e.BITEXT_WORKER_CONCURRENCY,
    shareSecret: e.BITEXT_SHARE_SECRET,
  };
}

export type ServerEnv = ReturnType<typeof readEnv>;
