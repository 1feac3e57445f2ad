import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';

import { routing } from './i18n/routing';
import { contentSecurityPolicy } from './lib/security-headers';
import { shareStore } from './lib/store/shares';

// Redirects locale-less paths (`/` → `/en`, by Accept-Language or the NEXT_LOCALE cookie).
const handleI18nRouting = createMiddleware(routing);

/** Locale routing, plus a per-request CSP nonce that Next.js applies to its own scripts. */
export default function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = handleI18nRouting(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', policy);
  return expiredShare(request) ? withStatus(response, 410) : response;
}

// `/{locale}/s/{id}`: the share page.
const SHARE_PAGE = /^\/[^/]+\/s\/([^/]+)\/?$/;

/**
 * Pages can only answer 404 (notFound) or 200, but an expired share is gone, not unknown: its page renders the
 * "deleted or expired" state and the status says 410, as its API does.
 */
function expiredShare(request: NextRequest): boolean {
  const id = SHARE_PAGE.exec(request.nextUrl.pathname)?.[1];
  return id !== undefined && shareStore().isExpired(id);
}

/** The same routing decision (continue, rewrite) with another status, which Next.js gives the page. */
function withStatus(response: NextResponse, status: number): NextResponse {
  return new NextResponse(response.body, { status, headers: response.headers });
}

export const config = {
  // Everything except the API, served model files, Next's internals and any path with a dot (static files).
  matcher: '/((?!api|models|_next|_vercel|.*\\..*).*)',
};
