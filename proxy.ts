import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';

import { routing } from './i18n/routing';
import { matchesEntityTag, SHARE_CACHE_CONTROL } from './lib/http-cache';
import { contentSecurityPolicy } from './lib/security-headers';
import { sharePageAnswer } from './lib/server/share-page';

// Redirects locale-less paths (`/` → `/en`, by Accept-Language or the NEXT_LOCALE cookie).
const handleI18nRouting = createMiddleware(routing);

/**
 * Locale routing, plus the CSP nonce that Next.js applies to its own scripts: fresh per request, except on a
 * share page, whose nonce is fixed per share and URL so that a shared cache may keep the page (see
 * lib/server/share-page.ts); that page also gets its ETag, its 304 and, once expired, its 410 here.
 */
export default function proxy(request: NextRequest) {
  const share = sharePageAnswer(request);
  const found = share?.status === 'found' ? share : undefined;
  const nonce = found?.nonce ?? btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const cacheHeaders = found && { ETag: found.etag, 'Cache-Control': SHARE_CACHE_CONTROL };
  // The cache's copy is still this very page: no need to render it again.
  if (cacheHeaders && matchesEntityTag(request.headers.get('if-none-match'), cacheHeaders.ETag)) {
    return new NextResponse(null, {
      status: 304,
      headers: { ...cacheHeaders, 'Content-Security-Policy': policy },
    });
  }
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = handleI18nRouting(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(cacheHeaders ?? {})) response.headers.set(name, value);
  // Pages can only answer 404 (notFound) or 200, but an expired share is gone, not unknown: its page renders
  // the "deleted or expired" state and the status says 410, as its API does.
  return share?.status === 'expired' ? withStatus(response, 410) : response;
}

/** The same routing decision (continue, rewrite) with another status, which Next.js gives the page. */
function withStatus(response: NextResponse, status: number): NextResponse {
  return new NextResponse(response.body, { status, headers: response.headers });
}

export const config = {
  // Everything except the API, served model files, Next's internals and any path with a dot (static files).
  matcher: '/((?!api|models|_next|_vercel|.*\\..*).*)',
};
