/// <reference lib="webworker" />
/**
 * The offline service worker, bundled to public/sw.js by scripts/build-sw.ts after `next build`, which sets
 * SW_VERSION (the build's id) and SW_PRECACHE (the shell and every build and runtime file it may load).
 * What it caches and how is decided by lib/offline/sw-routes.ts; model files are never cached here
 * (transformers.js keeps them in its own Cache API store). Cached responses keep their headers, so a page
 * served offline is as cross-origin isolated, and under the same CSP, as it was online.
 */
import { shellCacheName, staleShellCaches } from '@/lib/offline/shell-cache';
import { cacheKey, swStrategy } from '@/lib/offline/sw-routes';

declare const self: ServiceWorkerGlobalScope;
declare const SW_VERSION: string;
declare const SW_PRECACHE: string[];

const CACHE = shellCacheName(SW_VERSION);

async function networkFirst(event: FetchEvent, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  // The browser knows it has no network: no point in a request bound to fail.
  if (!self.navigator.onLine) {
    const cached = await cache.match(key, { ignoreVary: true });
    if (cached) return cached;
  }
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(cache.put(key, response.clone()));
    return response;
  } catch (error) {
    const cached = await cache.match(key, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

/**
 * A cached response's URL has lost the request's fragment, and a worker takes its own URL from the response
 * that served its script: Turbopack's worker bootstrap reads its chunk list from that fragment. A response
 * with no URL of its own gets the request's, fragment included.
 */
function withRequestUrl(request: Request, cached: Response): Response {
  if (!new URL(request.url).hash) return cached;
  const { status, statusText, headers } = cached;
  return new Response(cached.body, { status, statusText, headers });
}

async function cacheFirst(event: FetchEvent, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key, { ignoreVary: true });
  if (cached) return withRequestUrl(event.request, cached);
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(cache.put(key, response.clone()));
  return response;
}

self.addEventListener('install', (event) => {
  // All or nothing: a failed download leaves the previous worker (if any) in charge, and the next visit
  // tries again.
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SW_PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // Drops the shells of earlier builds, then takes over open tabs so their next fetches are served offline.
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(staleShellCaches(keys, CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const url = new URL(event.request.url);
  const strategy = swStrategy(url, self.location.origin);
  if (strategy === 'never') return;
  const key = cacheKey(url, strategy);
  event.respondWith(strategy === 'network-first' ? networkFirst(event, key) : cacheFirst(event, key));
});
