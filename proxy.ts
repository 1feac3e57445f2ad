import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';

import { routing } from './i18n/routing';
import { matchesEntityTag, SHARE_CACHE_CONTROL, WORKSPACE_CACHE_CONTROL } from './lib/http-cache';
import { contentSecurityPolicy, type ScriptSources } from './lib/security-headers';
import { pageRenders, RENDER_HEADER, renderedByNext } from './lib/server/page-render';
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
 * and, once expired, its 410 here. Both pages are then sent from memory, past Next.js: the workspace as it
 * was built, a share page as it was first rendered (lib/server/page-render.ts).
 */
export default async function proxy(request: NextRequest) {
  const workspace = WORKSPACE.exec(request.nextUrl.pathname)?.[1];
  if (workspace !== undefined) return workspacePage(request, workspace);

  const shareId = SHARE_PAGE.exec(request.nextUrl.pathname)?.[1];
  const share = shareId === undefined ? undefined : await sharePageAnswer(request, shareId);
  // Only a found share's page is sent from memory: a deleted or expired one's renders go with it.
  if (shareId !== undefined && share && share.status !== 'found') pageRenders().evict(shareId);
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
  if (shareId !== undefined && found) {
    const headers = { 'Cache-Control': SHARE_CACHE_CONTROL, 'Content-Security-Policy': policyFor(scripts) };
    const kept = await sharePageFromMemory(request, shareId, found.etag, headers);
    if (kept) return kept;
  }
  const response = withPolicy(request, scripts, (forwarded) => handleI18nRouting(forwarded));
  for (const [name, value] of Object.entries(cacheHeaders ?? {})) response.headers.set(name, value);
  // Pages can only answer 404 (notFound) or 200, but an expired share is gone, not unknown: its page renders
  // the "deleted or expired" state and the status says 410, as its API does.
  if (share?.status === 'expired') return withStatus(response, 410);
  // The database is down and the share is not hot: the page renders the error view, and the status says
  // "try again shortly" (503, as the share JSON answers), never a 500 or a 404 that would call it gone.
  if (share?.status === 'unavailable') {
    response.headers.set('Retry-After', String(share.retryAfter));
    return withStatus(response, 503);
  }
  return response;
}

// `/{locale}`: the workspace, and `/{locale}/s/{id}`: a share page, for a UI locale (any other path falls
// through to routing, and its 404).
const LOCALES = routing.locales.join('|');
const WORKSPACE = new RegExp(`^/(${LOCALES})/?$`);
const SHARE_PAGE = new RegExp(`^/(?:${LOCALES})/s/([^/]+)/?$`);

function workspacePage(request: NextRequest, locale: string): NextResponse {
  const page = prerenderedPage(locale);
  if (page && page.key === workspaceKey()) {
    const scripts = { hashes: page.scriptHashes };
    if (isDocumentRequest(request)) {
      const routed = handleI18nRouting(request);
      // Routing lets it through (its cookie and hreflang links on it): the page is the built file, which
      // Next.js would only look up and send, so it is sent from memory here.
      if (routed.headers.has('x-middleware-next')) {
        return fromMemory(request, routed.headers, {
          ...page,
          headers: {
            'Cache-Control': WORKSPACE_CACHE_CONTROL,
            'Content-Security-Policy': policyFor(scripts),
            // As Next.js marks a page it sends from its build.
            'x-nextjs-prerender': '1',
          },
        });
      }
    }
    const response = withPolicy(request, scripts, (forwarded) => handleI18nRouting(forwarded));
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

/** A browser loading the page itself, not the client router asking for its RSC payload (another answer). */
function isDocumentRequest(request: NextRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !request.headers.has('rsc') &&
    !request.nextUrl.searchParams.has('_rsc')
  );
}

/** A page's bytes held in memory, with the headers only it has. */
interface PageInMemory {
  html: Uint8Array<ArrayBuffer>;
  etag: string;
  headers: Record<string, string>;
}

// What Next.js says of every page it sends, kept on the ones sent from memory: the client router's requests
// for the same URL get another representation.
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  Vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
};

/** The page as routing let it through (`routed`: its cookies and links), or its 304. */
function fromMemory(request: NextRequest, routed: Headers, page: PageInMemory): NextResponse {
  const headers = new Headers(routed);
  for (const name of [...headers.keys()]) if (name.startsWith('x-middleware-')) headers.delete(name);
  for (const [name, value] of Object.entries({ ...PAGE_HEADERS, ...page.headers, ETag: page.etag })) {
    headers.set(name, value);
  }
  if (matchesEntityTag(request.headers.get('if-none-match'), page.etag)) {
    return new NextResponse(null, { status: 304, headers });
  }
  // Next.js compresses it on the way out, as it does what it renders.
  return new NextResponse(request.method === 'HEAD' ? null : page.html, { status: 200, headers });
}

/**
 * A found share's page from memory (lib/server/page-render.ts), rendered once per representation (`etag`,
 * the page's own): the same bytes every time, as its strong ETag says. Only for a document request that
 * routing lets through; undefined otherwise, or when the render did not answer 200 (the share is gone by
 * now, say): the request is then routed and rendered as before.
 */
async function sharePageFromMemory(
  request: NextRequest,
  id: string,
  etag: string,
  headers: Record<string, string>,
): Promise<NextResponse | undefined> {
  if (!isDocumentRequest(request) || request.headers.has(RENDER_HEADER)) return undefined;
  // `next dev` renders every time, so that an edit shows on the next reload.
  if (process.env.NODE_ENV === 'development') return undefined;
  const routed = handleI18nRouting(request);
  if (!routed.headers.has('x-middleware-next')) return undefined;
  const { pathname, search } = request.nextUrl;
  const render = await pageRenders().get(id, etag, () =>
    renderedByNext(`${pathname}${search}`, request.headers),
  );
  return render && fromMemory(request, routed.headers, { ...render, etag, headers });
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
