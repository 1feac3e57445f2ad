import 'server-only';
import type { PipelineContext } from '@/lib/pipeline/context';
import type { DigestRequest, DigestResult } from '@/lib/pipeline/digest';
import { digestCacheKey, type ResultCache } from '@/lib/store/results';

/**
 * The result cache as every adapter uses it. The cache only saves time: if it fails, digests still run (and
 * the failure is logged). Keys need no model (language detection is the only work), so a web process
 * without models answers a repeated digest itself.
 */
export function cacheKeyOf(request: DigestRequest, context: PipelineContext): string | undefined {
  return digestCacheKey(request, context.profile, context);
}

export async function readCachedDigest(
  cache: ResultCache | undefined,
  key: string | undefined,
): Promise<DigestResult | undefined> {
  if (!cache || key === undefined) return undefined;
  try {
    return await cache.get(key);
  } catch (error) {
    console.error('Digest cache read failed', error);
    return undefined;
  }
}

export async function cacheDigest(
  cache: ResultCache | undefined,
  key: string | undefined,
  result: DigestResult,
): Promise<void> {
  if (!cache || key === undefined) return;
  try {
    await cache.put(key, result);
  } catch (error) {
    console.error('Digest cache write failed', error);
  }
}
