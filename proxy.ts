import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';

import { routing } from './i18n/routing';
import { matchesEntityTag, SHARE_CACHE_CONTROL, WORKSPACE_CACHE_CONTROL } from './lib/http-cache';
import { contentSecurityPolicy, type ScriptSources } from './lib/security-headers';
import { prerenderedPage } from './lib/server/prerendered-page';
import { sharePageAnswer } from './lib/server/share-page';
import { workspaceKey } from './lib/server/workspace-key';

// Redirects locale-less paths (`/` → `/en`, by Accept-Language or the NEXT_LOCALE cookie).
const handleI18nRouting = createMiddleware(routing);

/**
 * Locale routing, plus each page's CSP. The workspace `/{locale}` is prerendered at build time: its policy
 * names the hashes of its inline scripts, read from the built page (or, on a server whose settings are not
 * the build's, it is rendered per request at `/{locale}/live`). Other pages get a nonce that Next.js applies
 * to its own scripts: fresh per request, except on a share page, whose nonce is fixed per share and URL so
 * that a shared cache may keep the page (lib/server/share-page.ts); that page also gets its ETag, its 304
 * and, once expired, its 410 here.
 */
export default async function proxy(request: NextRequest) {
  const workspace = WORKSPACE.exec(request.nextUrl.pathname)?.[1];
  if (workspace !== undefined) return workspacePage(request, workspace);

  const shareId = SHARE_PAGE.exec(request.nextUrl.pathname)?.[1];
  const share = shareId === undefined ? undefined : await sharePageAnswer(request, shareId);
  const found = share?.status === 'found' ? share : undefined;
  const scripts = { nonce: found?.nonce ?? btoa(crypto.randomUUID()) };
  const cacheHeaders = found && { ETag: found.etag, 'Cache-Control': SHARE_CACHE_CONTROL };
  // The cache's copy is still this very page: no need to render it again.
  if (cacheHeaders && matchesEntityTag(request.headers.get('if-none-match'), cacheHeaders.ETag)) {
    return new NextResponse(null, {
      status: 304,
      headers: { ...cacheHeaders, 'Content-Security-Policy': policyFor(scripts) },
    });
  }
  const response = withPolicy(request, scripts, (forwarded) => handleI18nRouting(forwarded));
  for (const [name, value] of Object.entries(cacheHeaders ?? {})) response.headers.set(name, value);
  // Pages can only answer 404 (notFound) or 200, but an expired share is gone, not unknown: its page renders
  // the "deleted or expired" state and the status says 410, as its API does.
  return share?.status === 'expired' ? withStatus(response, 410) : response;
}

// `/{locale}`: the workspace, and `/{locale}/s/{id}`: a share page, for a UI locale (any other path falls
// through to routing, and its 404).
const LOCALES = routing.locales.join('|');
const WORKSPACE = new RegExp(`^/(${LOCALES})/?$`);
const SHARE_PAGE = new RegExp(`^/(?:${LOCALES})/s/([^/]+)/?$`);

function workspacePage(request: NextRequest, locale: string): NextResponse {
  const page = prerenderedPage(locale);
  if (page && page.key === workspaceKey()) {
    const response = withPolicy(request, { hashes: page.scriptHashes }, (forwarded) =>
      handleI18nRouting(forwarded),
    );
    // Next's own default for a prerendered page is a year in shared caches: too long for a page naming
    // this build's files.
    response.headers.set('Cache-Control', WORKSPACE_CACHE_CONTROL);
    return response;
  }
  const live = new URL(`/${locale}/live${request.nextUrl.search}`, request.url);
  return withPolicy(request, { nonce: btoa(crypto.randomUUID()) }, (forwarded) =>
    NextResponse.rewrite(live, { request: { headers: forwarded.headers } }),
  );
}

function policyFor(scripts: ScriptSources): string {
  return contentSecurityPolicy(scripts, { dev: process.env.NODE_ENV === 'development' });
}

/** Routes the request with its policy on it (where Next.js reads the nonce) and on the response. */
function withPolicy(
  request: NextRequest,
  scripts: ScriptSources,
  route: (forwarded: NextRequest) => NextResponse,
): NextResponse {
  const policy = policyFor(scripts);
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = route(new NextRequest(request, { headers }));
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

/** The same routing decision (continue, rewrite) with another status, which Next.js gives the page. */
function withStatus(response: NextResponse, status: number): NextResponse {
  return new NextResponse(response.body, { status, headers: response.headers });
}

export const config = {
  // Everything except the API, served model files, Next's internals and any path with a dot (static files).
  matcher: '/((?!api|models|_next|_vercel|.*\\..*).*)',
};
