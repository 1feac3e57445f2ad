/**
 * Every environment variable Bitext reads, in one schema with two halves, as create-t3-app's `createEnv`
 * splits them: the server half is read by server code only (lib/server/env.ts); the client half (the input
 * limits) also reaches the browser, where next.config.ts inlines the checked values into the build.
 *
 * One rule for all of them: a value that does not parse stops the start, with a message naming the variable.
 * next.config.ts checks them first, so `next build`, `next dev` and `next start` refuse a bad value before
 * serving anything; readEnv checks them again for the CLI and the scripts. Full zod: no client code imports
 * this module, so it never reaches the browser.
 */
import { z } from 'zod';
import { LIMIT_DEFAULTS, type LimitVariable } from './limits';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** Digits only ("4", not "4.5", "-1" or "four"), then within the bounds. */
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.string().regex(/^\d+$/, 'expected a whole number').transform(Number).pipe(z.number().min(min).max(max));

/** Requests a minute per client address; 0 turns the limit off. */
const perMinute = (fallback: number) => wholeNumber(0).default(fallback);

const serverVariables = {
  /** SQLite database and the model download cache. */
  BITEXT_DATA_DIR: z.string().min(1).default('./data'),
  /** Where transformers.js looks for local model folders (`<dir>/<org>/<name>/`). */
  BITEXT_MODELS_DIR: z.string().min(1).default('./models'),
  BITEXT_FIXTURES_DIR: z.string().min(1).default('./fixtures/models'),
  BITEXT_MODEL_PROFILE: z.enum(['default', 'fixtures']).default('default'),
  BITEXT_HUB_URL: z.url().default('https://huggingface.co/'),
  BITEXT_ALLOW_REMOTE_MODELS: flag.default(true),
  /** URL import may fetch private/loopback addresses (tests serve pages on 127.0.0.1). */
  BITEXT_ALLOW_PRIVATE_URLS: flag.default(false),
  /** Models whose licence forbids commercial use (NLLB-200, CC-BY-NC-4.0) may serve pairs. */
  BITEXT_ALLOW_NONCOMMERCIAL: flag.default(true),
  /** The browser engine's backend: auto (WebGPU on a real GPU), or always wasm / webgpu (any adapter). */
  BITEXT_BROWSER_DEVICE: z.enum(['auto', 'wasm', 'webgpu']).default('auto'),
  /** Digest jobs that run inference at the same time. */
  BITEXT_JOB_CONCURRENCY: wholeNumber(1, 16).default(1),
  /** Jobs that may wait for a slot before new ones get 503 queue_full. */
  BITEXT_JOB_BACKLOG: wholeNumber(0, 10_000).default(20),
  /** Sentence pieces per generate() call (unset: the pipeline's DEFAULT_BATCH_SIZE). */
  BITEXT_BATCH_SIZE: wholeNumber(1, 256).optional(),
  /** onnxruntime intra-op threads per model (unset: one per core). */
  BITEXT_THREADS: wholeNumber(1, 64).optional(),
  BITEXT_RATE_DIGESTS: perMinute(20),
  BITEXT_RATE_INFERENCE: perMinute(60),
  BITEXT_RATE_EXTRACT: perMinute(20),
  BITEXT_RATE_SHARES: perMinute(10),
  /** The LibreTranslate-compatible API answers only requests with a valid key (`npm run keys`). */
  BITEXT_REQUIRE_API_KEY: flag.default(false),
  /** Shares, result cache and API keys in Postgres (`postgres://…`); unset: SQLite in the data dir. */
  BITEXT_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Digest jobs on BullMQ and shared rate limits in Redis (`redis://…`); unset: all in this process. */
  BITEXT_REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Key for share pages' ETags and nonces, the same on every web process; unset: random per process. */
  BITEXT_SHARE_SECRET: z.string().min(16).optional(),
  /** Digests one `npm run worker` process runs at the same time. */
  BITEXT_WORKER_CONCURRENCY: wholeNumber(1, 16).default(1),
};

const limit = (fallback: number) => wholeNumber(1).default(fallback);

/** The input limits (lib/limits.ts), each a whole number above 0. */
const clientVariables = Object.fromEntries(
  Object.entries(LIMIT_DEFAULTS).map(([name, fallback]) => [name, limit(fallback)]),
) as Record<LimitVariable, ReturnType<typeof limit>>;

const schema = z.object({ ...serverVariables, ...clientVariables });

export type Env = z.output<typeof schema>;

/** The variables whose values next.config.ts hands to the client build. */
export const CLIENT_VARIABLES = Object.keys(clientVariables) as LimitVariable[];

/** The environment, checked; throws naming every variable whose value does not parse. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `  ${name}=${JSON.stringify(source[name])}: ${issue.message}`;
  });
  throw new Error(`Invalid environment; fix these variables and start again:\n${problems.join('\n')}`);
}
