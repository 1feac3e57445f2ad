import 'server-only';
import { createHash, createHmac, randomBytes } from 'node:crypto';

import { isBitextError } from '@/lib/errors';
import { processGlobal } from '@/lib/process-global';
import { readEnv } from '@/lib/server/env';
import { shareStore } from '@/lib/store';

/**
 * The key for the share pages' ETags and nonces. From BITEXT_SHARE_SECRET when set, so that every web process
 * behind one load balancer gives a share the same ETag; otherwise random per process (a restart changes both:
 * caches ask again).
 */
const secret = processGlobal('share-page-secret', () => {
  const configured = readEnv().shareSecret;
  return configured ? createHash('sha256').update(configured).digest() : randomBytes(32);
});

export type SharePageAnswer =
  | { status: 'found'; etag: string; nonce: string }
  | { status: 'expired' }
  | { status: 'missing' }
  /** The database is down and the share is not hot: the page can only say so, as a 503 with Retry-After. */
  | { status: 'unavailable'; retryAfter: number };

/**
 * What a request for a share page will get, decided before the page renders and from memory once the share
 * is hot. A found share's page is one fixed document per share, URL and host, so it gets a strong ETag and a
 * nonce derived from exactly those: every render of it is the same bytes, which a shared cache may keep.
 * The nonce stays unguessable: it is an HMAC under a key only the server has, over the share's own bytes,
 * so no share can carry the nonce its page will get. `id` is the share the page's URL names. Undefined for
 * a React Server Component request (a client navigation): another representation of the same URL, which
 * stays uncached.
 */
export async function sharePageAnswer(request: Request, id: string): Promise<SharePageAnswer | undefined> {
  const url = new URL(request.url);
  const state = await shareStore()
    .state(id)
    .catch((error: unknown): SharePageAnswer => {
      if (!isBitextError(error) || error.code !== 'store_unavailable') throw error;
      return { status: 'unavailable', retryAfter: Number(error.details?.retryAfter) || 5 };
    });
  if (state.status !== 'found') return state;
  if (request.headers.has('rsc')) return undefined;
  // The page writes absolute preview URLs from the host and protocol it was asked on.
  const representation = [
    state.etag,
    url.pathname,
    url.search,
    request.headers.get('host') ?? '',
    request.headers.get('x-forwarded-proto') ?? '',
  ].join('\n');
  const mac = (purpose: string) =>
    createHmac('sha256', secret.get()).update(`${purpose}\n${representation}`).digest('base64url');
  return { status: 'found', etag: `"${mac('etag').slice(0, 27)}"`, nonce: mac('nonce').slice(0, 22) };
}
