import 'server-only';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { isBitextError } from '@/lib/errors';
import type { LanguageCode } from '@/lib/langs';
import {
  summaryRoute,
  translationRoute,
  type ModelPolicy,
  type ModelProfile,
  type ModelSpec,
} from '@/lib/models/registry';
import type { DigestRequest, DigestResult } from '@/lib/pipeline/digest';
import { hasFailedPart } from '@/lib/pipeline/parts';
import { cleanArticle } from '@/lib/pipeline/document';
import { resolveLanguage } from '@/lib/pipeline/tasks';
import { digestResult } from '@/lib/schemas/responses';
import { normalizeText } from '@/lib/text/normalize';
import type { ResultRows } from './port';

/**
 * Finished digests by a hash of everything that decides their content, so a repeated request is answered
 * at once. Bump RESULT_FORMAT when the pipeline starts producing different results for the same inputs.
 */
const RESULT_FORMAT = 1;

/**
 * Bytes of results kept; the least recently used go first. A news article's digest is 50–200 kB, one of a
 * 100,000-character article in ten languages a few MB.
 */
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/**
 * The cache key: SHA-256 over the normalised text, the options and the exact models the registry picks
 * for them (so pulling a different model, or changing its dtype, misses). `undefined` when the language
 * cannot be determined: that run fails, and failures are not cached.
 */
export function digestCacheKey(
  request: DigestRequest,
  profile: ModelProfile,
  policy: ModelPolicy = {},
): string | undefined {
  const language = languageOf(request);
  if (!language) return undefined;
  const material = {
    format: RESULT_FORMAT,
    text: normalizeText(request.text),
    // A given source skips detection, so the result has no `detection`: not the same result.
    source: request.source ?? null,
    language,
    summary: {
      mode: request.summary.mode,
      type: request.summary.type,
      length: request.summary.length,
      models: request.summary.mode === 'abstractive' ? summaryModels(profile, language, policy) : [],
    },
    translate: request.translate,
    // Only when asked for, so the keys of digests made before romanisation existed still match.
    ...(request.romanize ? { romanize: true } : {}),
    targets: request.targets.map((target) => ({
      target,
      models: (translationRoute(profile, language, target, policy) ?? []).map((leg) =>
        modelIdentity(leg.model),
      ),
    })),
  };
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}

/**
 * Languages detected for keys, by a hash of the text: detection is most of a key's cost (about 2 ms for a
 * news article), and a repeated text is exactly what the cache is for. Least recently used forgotten first.
 */
const detected = new LRUCache<string, { language: LanguageCode | undefined }>({ max: 1_000 });

/** The language the pipeline will read the text as, decided exactly as `digest` decides it. */
function languageOf(request: DigestRequest): LanguageCode | undefined {
  if (request.source) return request.source;
  const textHash = createHash('sha256').update(request.text).digest('base64url');
  const known = detected.get(textHash);
  if (known) return known.language;
  let language: LanguageCode | undefined;
  try {
    language = resolveLanguage(cleanArticle(request.text).body).language;
  } catch (error) {
    if (!isBitextError(error) || error.code !== 'language_undetermined') throw error;
  }
  detected.set(textHash, { language });
  return language;
}

/** The summariser, and the translator that brings a non-English article to it. */
function summaryModels(profile: ModelProfile, language: LanguageCode, policy: ModelPolicy): string[] {
  const route = summaryRoute(profile, language, policy);
  return route ? [...route.pivot.map((leg) => leg.model), route.summarizer].map(modelIdentity) : [];
}

function modelIdentity(model: ModelSpec): string {
  // The server runs every model on the CPU.
  return `${model.id}@${model.dtype.cpu}`;
}

export interface ResultCache {
  get(key: string): Promise<DigestResult | undefined>;
  /** Stores a result unless a part failed: that may be a model not pulled yet, so it must be retried. */
  put(key: string, result: DigestResult): Promise<void>;
}

/** The result cache on any adapter's rows: the one place that knows what a cached digest is. */
export function createResultCache(
  rows: ResultRows,
  { maxBytes = DEFAULT_MAX_BYTES, now = Date.now }: { maxBytes?: number; now?: () => number } = {},
): ResultCache {
  return {
    async get(key) {
      const json = await rows.get(key, now());
      // A row that is not a result (written by a bug, or edited by hand) is a miss: the digest runs again.
      const parsed = json === undefined ? undefined : digestResult.safeParse(JSON.parse(json));
      return parsed?.success ? parsed.data : undefined;
    },
    async put(key, result) {
      if (hasFailedPart(result)) return;
      await rows.put(key, JSON.stringify(result), now(), maxBytes);
    },
  };
}
