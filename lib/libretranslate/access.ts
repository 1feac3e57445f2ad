import 'server-only';
import { BitextError } from '@/lib/errors';
import { serverEnv } from '@/lib/server/engine';
import { enforceLimit, enforceRateLimit, rateLimiter } from '@/lib/server/rate-limit';
import { apiKeys } from './keys';

/**
 * Who may call the LibreTranslate-compatible API. A key, when given, must be valid (403 otherwise) and is
 * counted against its own rate, not its address: one Mastodon server sends every user's request from one
 * address. Without a key, the per-address limit applies, unless BITEXT_REQUIRE_API_KEY asks for a key.
 * `metered`: the request runs inference, so it counts against a rate.
 */
export async function authorize(
  request: Request,
  key: string | undefined,
  { metered }: { metered: boolean },
): Promise<void> {
  if (key) {
    const record = await apiKeys().find(key);
    if (!record) throw new BitextError('forbidden', 'Invalid API key');
    if (metered) await enforceLimit(rateLimiter(`key:${record.id}`, record.perMinute), record.id);
    return;
  }
  if (serverEnv().requireApiKey) {
    throw new BitextError('forbidden', 'This server needs an API key (api_key); ask its operator for one.');
  }
  if (metered) await enforceRateLimit('inference', request);
}
